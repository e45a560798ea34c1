using Edge.Bundles.Manifest;
using Edge.Inference.Sessions;
using Edge.Scoring.Maps;

namespace Edge.Detection;

/// <summary>
/// Runs a batch of model inputs at a time through a bundle's graphs (METHOD.md sections 2 and 3): encoder, nearest
/// codes, the budget prior's allocation, the decoder, then the manifest's scoring method, into each input's RAW defect
/// map (not smoothed, no regions of interest, no image score: those belong to the whole frame, see
/// <see cref="Frames.FrameScorer"/>, which is how everything turns an image into a score). The graphs' batch dimension
/// N is symbolic; a detector binds it to <see cref="BatchSize"/> (1 for a whole-image bundle, up to the tile batch for
/// a tiled one), so one call runs up to that many tiles. Every buffer and binding is made in the constructor, so
/// <see cref="Detect(int)"/> allocates nothing. Not thread-safe: one detector per thread. The spans it exposes show
/// the latest call's results and stay valid until the next call or <see cref="Dispose"/>.
/// </summary>
public sealed class Detector : IDisposable
{
    private readonly BundleModel _model;
    private readonly InferenceBinding _encoder;
    private readonly InferenceBinding _codebook;
    private readonly InferenceBinding _decoder;
    private readonly InferenceBinding? _prior;
    private readonly DefectMapScorer _scorer;
    private readonly int _levels;
    private readonly int _routingGrid;
    private readonly int[] _levelGrids;
    private readonly float[] _mean;
    private readonly float[] _std;
    private readonly long[] _chosen;
    private readonly long[] _priorChosen;
    private readonly float[][] _distances;
    private readonly float[] _alignment;
    private readonly float[] _image01;
    private readonly float[] _reconstruction01;
    private readonly float[] _map;
    // Per-level tensor names, made once: building them per frame would allocate.
    private readonly string[] _latentNames;
    private readonly string[] _quantizedNames;
    private readonly string[] _distanceNames;

    internal Detector(BundleModel model, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _model = model;
        BatchSize = batchSize;
        var manifest = model.Manifest;
        var size = model.InputSize;
        var factors = manifest.Architecture.DownsampleFactors;
        _levels = manifest.Architecture.Levels;
        _levelGrids = factors.Select(f => size / f).ToArray();
        _routingGrid = size / manifest.Architecture.CoarsestFactor;
        _mean = manifest.Input.Mean.Select(v => (float)v).ToArray();
        _std = manifest.Input.Std.Select(v => (float)v).ToArray();
        _chosen = new long[batchSize * _routingGrid * _routingGrid];
        _priorChosen = new long[_chosen.Length];
        _distances = _levelGrids.Select(g => new float[g * g]).ToArray();
        _alignment = new float[_levelGrids[0] * _levelGrids[0]];
        InputLength = model.Channels * size * size;
        MapLength = size * size;
        _image01 = new float[batchSize * InputLength];
        _reconstruction01 = new float[_image01.Length];
        _map = new float[batchSize * MapLength];
        _scorer = new DefectMapScorer(ScoringOptions.From(manifest));
        _latentNames = Enumerable.Range(0, _levels).Select(GraphNames.Latent).ToArray();
        _quantizedNames = Enumerable.Range(0, _levels).Select(GraphNames.Quantized).ToArray();
        _distanceNames = Enumerable.Range(0, _levels).Select(GraphNames.Distance).ToArray();
        try
        {
            _encoder = model.Session(BundleGraph.Encoder).CreateBinding(batchSize);
            _codebook = model.Session(BundleGraph.Codebook).CreateBinding(batchSize);
            _decoder = model.Session(BundleGraph.Decoder).CreateBinding(batchSize);
            _prior = model.UsesPrior ? model.Session(BundleGraph.BudgetPrior).CreateBinding(batchSize) : null;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public BundleModel Model => _model;

    /// <summary>How many inputs one call runs through the graphs (the batch dimension N they are bound with).</summary>
    public int BatchSize { get; }

    /// <summary>Floats of one encoder input (channels x size x size, normalized as the manifest says).</summary>
    public int InputLength { get; }

    /// <summary>Floats of one raw map (size x size).</summary>
    public int MapLength { get; }

    /// <summary>The first input's slot of the encoder's input buffer: preprocess straight into it, then call <see cref="Detect(int)"/>.</summary>
    public Span<float> Input => InputOf(0);

    /// <summary>The latest raw defect map of the first input, input size x input size, row-major (before smoothing).</summary>
    public ReadOnlySpan<float> Map => MapOf(0);

    /// <summary>The latest first input on the [0, 1] scale, planar CHW.</summary>
    public ReadOnlySpan<float> Image01 => Image01Of(0);

    /// <summary>The latest first reconstruction on the [0, 1] scale (made with the prior's allocation when scoring uses the prior).</summary>
    public ReadOnlySpan<float> Reconstruction01 => Reconstruction01Of(0);

    /// <summary>The routing level the first input chose per coarsest cell (0 = finest).</summary>
    public ReadOnlySpan<long> ChosenLevels => ChosenLevelsOf(0);

    /// <summary>The prior's likeliest level per coarsest cell of the first input; empty without a prior.</summary>
    public ReadOnlySpan<long> PriorLevels => PriorLevelsOf(0);

    public int RoutingGrid => _routingGrid;

    /// <summary>Routing levels of the bundle (the prior's probabilities have this many per cell).</summary>
    public int Levels => _levels;

    /// <summary>The routing level input <paramref name="item"/> chose per coarsest cell (0 = finest).</summary>
    public ReadOnlySpan<long> ChosenLevelsOf(int item)
    {
        var cells = _routingGrid * _routingGrid;
        return _chosen.AsSpan(Checked(item) * cells, cells);
    }

    /// <summary>The prior's likeliest level per coarsest cell of input <paramref name="item"/>; empty without a prior.</summary>
    public ReadOnlySpan<long> PriorLevelsOf(int item)
    {
        var cells = _routingGrid * _routingGrid;
        return _prior is null ? [] : _priorChosen.AsSpan(Checked(item) * cells, cells);
    }

    /// <summary>
    /// The prior's probability of each level per coarsest cell of input <paramref name="item"/>, [cells, levels], each cell
    /// masked in turn; empty without a prior.
    /// </summary>
    public ReadOnlySpan<float> PriorProbabilitiesOf(int item)
    {
        var length = _routingGrid * _routingGrid * _levels;
        return _prior is null ? [] : _prior.Output<float>(GraphNames.PriorProbabilities).Slice(Checked(item) * length, length);
    }

    /// <summary>Input <paramref name="item"/>'s slot (0..<see cref="BatchSize"/> - 1) of the encoder's input buffer.</summary>
    public Span<float> InputOf(int item) => _encoder.Input<float>(GraphNames.Image).Slice(Checked(item) * InputLength, InputLength);

    /// <summary>Input <paramref name="item"/>'s latest raw defect map.</summary>
    public ReadOnlySpan<float> MapOf(int item) => _map.AsSpan(Checked(item) * MapLength, MapLength);

    /// <summary>Input <paramref name="item"/> on the [0, 1] scale, planar CHW.</summary>
    public ReadOnlySpan<float> Image01Of(int item) => _image01.AsSpan(Checked(item) * InputLength, InputLength);

    /// <summary>Input <paramref name="item"/>'s reconstruction on the [0, 1] scale.</summary>
    public ReadOnlySpan<float> Reconstruction01Of(int item) => _reconstruction01.AsSpan(Checked(item) * InputLength, InputLength);

    /// <summary>Copies <paramref name="normalizedInput"/> into <see cref="Input"/> and runs it.</summary>
    public void Detect(ReadOnlySpan<float> normalizedInput, int classId = 0)
    {
        if (normalizedInput.Length != InputLength)
        {
            throw new ArgumentException($"The bundle's input holds {InputLength} floats; {normalizedInput.Length} were given.", nameof(normalizedInput));
        }
        normalizedInput.CopyTo(Input);
        Detect(classId);
    }

    /// <summary>Runs every input slot into its map; <paramref name="classId"/> picks the prior's product class.</summary>
    public void Detect(int classId = 0) => Detect(classId, BatchSize);

    /// <summary>
    /// Runs what is in the input slots through the graphs (all <see cref="BatchSize"/> of them: the binding's shape is
    /// fixed) and makes the maps of the first <paramref name="count"/>; the other slots' results are not to be read.
    /// </summary>
    public void Detect(int classId, int count)
    {
        var classes = _model.Manifest.ClassNames.Count;
        if ((uint)classId >= (uint)classes)
        {
            throw new ArgumentOutOfRangeException(nameof(classId), classId, $"the bundle has {classes} product classes");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, BatchSize);
        _encoder.Run();
        for (var l = 0; l < _levels; l++)
        {
            _encoder.Output<float>(_latentNames[l]).CopyTo(_codebook.Input<float>(_latentNames[l]));
        }
        _codebook.Run();
        ChooseLevels(count);
        var decoderRouting = _chosen;
        if (_prior is not null)
        {
            _chosen.CopyTo(_prior.Input<long>(GraphNames.Tokens));
            _prior.Input<long>(GraphNames.ClassId).Fill(classId);
            _prior.Run();
            var probabilities = _prior.Output<float>(GraphNames.PriorProbabilities);
            var cells = _routingGrid * _routingGrid;
            for (var i = 0; i < count; i++)
            {
                RoutingMaps.ArgMaxPerToken(probabilities.Slice(i * cells * _levels, cells * _levels), _levels, _priorChosen.AsSpan(i * cells, cells));
            }
            decoderRouting = _priorChosen;
        }
        for (var l = 0; l < _levels; l++)
        {
            _codebook.Output<float>(_quantizedNames[l]).CopyTo(_decoder.Input<float>(_quantizedNames[l]));
        }
        OneHot(decoderRouting, count);
        _decoder.Run();
        ToUnitRange(_encoder.Input<float>(GraphNames.Image), _image01, count);
        ToUnitRange(_decoder.Output<float>(GraphNames.Reconstruction), _reconstruction01, count);
        for (var i = 0; i < count; i++)
        {
            BuildMap(i);
        }
    }

    public void Dispose()
    {
        _encoder?.Dispose();
        _codebook?.Dispose();
        _decoder?.Dispose();
        _prior?.Dispose();
    }

    private int Checked(int item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(item, BatchSize);
        return item;
    }

    private void ChooseLevels(int count)
    {
        if (_model.Manifest.Architecture.PlainVq)
        {
            // A plain VQ-VAE always routes to the finest level.
            Array.Clear(_chosen);
            return;
        }
        var cells = _routingGrid * _routingGrid;
        var logits = _encoder.Output<float>(GraphNames.RoutingLogits);
        for (var i = 0; i < count; i++)
        {
            RoutingMaps.ArgMaxOverLevels(logits.Slice(i * _levels * cells, _levels * cells), _levels, _chosen.AsSpan(i * cells, cells));
        }
    }

    /// <summary>The decoder's one-hot routing per input; slots past <paramref name="count"/> keep the previous call's (valid) routing.</summary>
    private void OneHot(long[] routing, int count)
    {
        var cells = _routingGrid * _routingGrid;
        var input = _decoder.Input<float>(GraphNames.Routing);
        for (var i = 0; i < count; i++)
        {
            RoutingMaps.OneHot(routing.AsSpan(i * cells, cells), _levels, input.Slice(i * _levels * cells, _levels * cells));
        }
    }

    private void BuildMap(int item)
    {
        var cells = _routingGrid * _routingGrid;
        var chosen = _chosen.AsSpan(item * cells, cells);
        var image01 = _image01.AsSpan(item * InputLength, InputLength);
        var reconstruction01 = _reconstruction01.AsSpan(item * InputLength, InputLength);
        var map = _map.AsSpan(item * MapLength, MapLength);
        switch (_model.Manifest.Scoring.Method)
        {
            case ScoringMethod.BudgetXRecon:
                _scorer.BudgetMap(chosen, _prior!.Output<float>(GraphNames.PriorProbabilities).Slice(item * cells * _levels, cells * _levels),
                    _levels, _routingGrid, image01, reconstruction01, map);
                return;
            case ScoringMethod.SsimXAlignment:
                for (var l = 0; l < _levels; l++)
                {
                    var plane = _distances[l].Length;
                    _codebook.Output<float>(_distanceNames[l]).Slice(item * plane, plane).CopyTo(_distances[l]);
                }
                RoutingMaps.RoutedAlignment(chosen, _routingGrid, _distances, _levelGrids, _alignment);
                _scorer.SsimAlignmentMap(_alignment, _levelGrids[0], image01, reconstruction01, map);
                return;
            default:
                _scorer.ReconstructionMap(image01, reconstruction01, map);
                return;
        }
    }

    /// <summary>Undoes the manifest's normalization for the first <paramref name="count"/> inputs: x * std + mean per channel.</summary>
    private void ToUnitRange(ReadOnlySpan<float> normalized, Span<float> destination, int count)
    {
        var plane = MapLength;
        for (var i = 0; i < count; i++)
        {
            for (var c = 0; c < _mean.Length; c++)
            {
                var offset = i * InputLength + c * plane;
                var source = normalized.Slice(offset, plane);
                var target = destination.Slice(offset, plane);
                System.Numerics.Tensors.TensorPrimitives.Multiply(source, _std[c], target);
                System.Numerics.Tensors.TensorPrimitives.Add(target, _mean[c], target);
            }
        }
    }
}
