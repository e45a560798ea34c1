using Edge.Bundles.Manifest;
using Edge.Inference.Sessions;
using Edge.Scoring.Maps;

namespace Edge.Detection;

/// <summary>
/// Scores images through a bundle's graphs (METHOD.md sections 2 and 3): encoder, nearest codes, the budget prior's
/// allocation, the decoder, then the manifest's scoring method. Every graph has a dynamic batch dimension; a detector
/// binds <see cref="BatchSize"/> images once (tiles of a frame, <see cref="DetectBatch"/>), and a detector of batch
/// size 1 scores one image (<see cref="Detect()"/>). Every buffer and binding is made in the constructor, so detecting
/// allocates nothing. Not thread-safe: one detector per thread. The spans it exposes show the latest call's results and
/// stay valid until the next call or <see cref="Dispose"/>; the unnamed ones (<see cref="Input"/>, <see cref="Map"/>, ...)
/// are the batch's first image.
/// </summary>
public sealed class Detector : IDisposable
{
    private readonly BundleModel _model;
    private readonly InferenceBinding _encoder;
    private readonly InferenceBinding _codebook;
    private readonly InferenceBinding _decoder;
    private readonly InferenceBinding? _prior;
    private readonly DefectMapScorer _scorer;
    private readonly int _batch;
    private readonly int _levels;
    private readonly int _routingGrid;
    private readonly int _cells;
    private readonly int _plane;
    private readonly int[] _levelGrids;
    private readonly float[] _mean;
    private readonly float[] _std;
    private readonly long[] _chosen;
    private readonly long[] _priorChosen;
    private readonly float[][] _distances;
    private readonly float[] _alignment;
    private readonly float[] _image01;
    private readonly float[] _reconstruction01;
    private readonly float[] _maps;
    private readonly float[] _scores;
    // Per-level tensor names, made once: building them per frame would allocate.
    private readonly string[] _latentNames;
    private readonly string[] _quantizedNames;
    private readonly string[] _distanceNames;

    internal Detector(BundleModel model, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _model = model;
        _batch = batchSize;
        var manifest = model.Manifest;
        var size = model.InputSize;
        var factors = manifest.Architecture.DownsampleFactors;
        _levels = manifest.Architecture.Levels;
        _levelGrids = factors.Select(f => size / f).ToArray();
        _routingGrid = size / manifest.Architecture.CoarsestFactor;
        _cells = _routingGrid * _routingGrid;
        _plane = size * size;
        _mean = manifest.Input.Mean.Select(v => (float)v).ToArray();
        _std = manifest.Input.Std.Select(v => (float)v).ToArray();
        _chosen = new long[batchSize * _cells];
        _priorChosen = new long[_chosen.Length];
        _distances = _levelGrids.Select(g => new float[g * g]).ToArray();
        _alignment = new float[_levelGrids[0] * _levelGrids[0]];
        InputLength = model.Channels * _plane;
        _image01 = new float[batchSize * InputLength];
        _reconstruction01 = new float[_image01.Length];
        _maps = new float[batchSize * _plane];
        _scores = new float[batchSize];
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

    /// <summary>Images the graphs run on together: the most <see cref="DetectBatch"/> scores in one call.</summary>
    public int BatchSize => _batch;

    /// <summary>Floats of one encoder input (channels x size x size, normalized as the manifest says).</summary>
    public int InputLength { get; }

    /// <summary>The first image's encoder input: preprocess straight into it, then call <see cref="Detect()"/>.</summary>
    public Span<float> Input => InputOf(0);

    /// <summary>The latest image score of the first image (compare with the manifest's image threshold).</summary>
    public float ImageScore => _scores[0];

    /// <summary>The first image's latest defect map, input size x input size, row-major.</summary>
    public ReadOnlySpan<float> Map => MapOf(0);

    /// <summary>The first image's latest input on the [0, 1] scale, planar CHW.</summary>
    public ReadOnlySpan<float> Image01 => _image01.AsSpan(0, InputLength);

    /// <summary>The first image's latest reconstruction on the [0, 1] scale (made with the prior's allocation when scoring uses the prior).</summary>
    public ReadOnlySpan<float> Reconstruction01 => _reconstruction01.AsSpan(0, InputLength);

    /// <summary>The routing level the first image chose per coarsest cell (0 = finest).</summary>
    public ReadOnlySpan<long> ChosenLevels => _chosen.AsSpan(0, _cells);

    /// <summary>The prior's likeliest level per coarsest cell of the first image; empty without a prior.</summary>
    public ReadOnlySpan<long> PriorLevels => _prior is null ? [] : _priorChosen.AsSpan(0, _cells);

    public int RoutingGrid => _routingGrid;

    /// <summary>The encoder input of image <paramref name="index"/> of the batch (<see cref="InputLength"/> floats).</summary>
    public Span<float> InputOf(int index) => _encoder.Input<float>(GraphNames.Image).Slice(Slot(index) * InputLength, InputLength);

    /// <summary>The latest defect map of image <paramref name="index"/> of the batch.</summary>
    public ReadOnlySpan<float> MapOf(int index) => _maps.AsSpan(Slot(index) * _plane, _plane);

    /// <summary>The latest image score of image <paramref name="index"/> of the batch.</summary>
    public float ImageScoreOf(int index) => _scores[Slot(index)];

    /// <summary>Copies <paramref name="normalizedInput"/> into <see cref="Input"/> and scores it.</summary>
    public float Detect(ReadOnlySpan<float> normalizedInput, int classId = 0)
    {
        if (normalizedInput.Length != InputLength)
        {
            throw new ArgumentException($"The bundle's input holds {InputLength} floats; {normalizedInput.Length} were given.", nameof(normalizedInput));
        }
        normalizedInput.CopyTo(Input);
        return Detect(classId);
    }

    /// <summary>Scores what is in <see cref="Input"/>; <paramref name="classId"/> picks the prior's product class.</summary>
    public float Detect(int classId = 0)
    {
        DetectBatch(1, classId);
        return ImageScore;
    }

    /// <summary>
    /// Scores the first <paramref name="count"/> inputs (<see cref="InputOf"/>) of one product class. The graphs always
    /// run on the whole bound batch (its shape is fixed when bound); only the first <paramref name="count"/> are scored.
    /// </summary>
    public void DetectBatch(int count, int classId = 0)
    {
        if (count < 1 || count > _batch)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"the detector scores 1..{_batch} images at once");
        }
        var classes = _model.Manifest.ClassNames.Count;
        if ((uint)classId >= (uint)classes)
        {
            throw new ArgumentOutOfRangeException(nameof(classId), classId, $"the bundle has {classes} product classes");
        }
        _encoder.Run();
        for (var l = 0; l < _levels; l++)
        {
            _encoder.Output<float>(_latentNames[l]).CopyTo(_codebook.Input<float>(_latentNames[l]));
        }
        _codebook.Run();
        ChooseLevels();
        var decoderRouting = _chosen;
        if (_prior is not null)
        {
            _chosen.CopyTo(_prior.Input<long>(GraphNames.Tokens));
            _prior.Input<long>(GraphNames.ClassId).Fill(classId);
            _prior.Run();
            // [batch, tokens, levels] is the per-token layout over batch x tokens tokens.
            RoutingMaps.ArgMaxPerToken(_prior.Output<float>(GraphNames.PriorProbabilities), _levels, _priorChosen);
            decoderRouting = _priorChosen;
        }
        for (var l = 0; l < _levels; l++)
        {
            _codebook.Output<float>(_quantizedNames[l]).CopyTo(_decoder.Input<float>(_quantizedNames[l]));
        }
        var routing = _decoder.Input<float>(GraphNames.Routing);
        for (var i = 0; i < _batch; i++)
        {
            RoutingMaps.OneHot(decoderRouting.AsSpan(i * _cells, _cells), _levels, routing.Slice(i * _levels * _cells, _levels * _cells));
        }
        _decoder.Run();
        ToUnitRange(_encoder.Input<float>(GraphNames.Image), _image01, count);
        ToUnitRange(_decoder.Output<float>(GraphNames.Reconstruction), _reconstruction01, count);
        for (var i = 0; i < count; i++)
        {
            _scores[i] = Score(i);
        }
    }

    public void Dispose()
    {
        _encoder?.Dispose();
        _codebook?.Dispose();
        _decoder?.Dispose();
        _prior?.Dispose();
    }

    private int Slot(int index)
    {
        if ((uint)index >= (uint)_batch)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the detector's batch holds {_batch} images");
        }
        return index;
    }

    private void ChooseLevels()
    {
        if (_model.Manifest.Architecture.PlainVq)
        {
            // A plain VQ-VAE always routes to the finest level.
            Array.Clear(_chosen);
            return;
        }
        var logits = _encoder.Output<float>(GraphNames.RoutingLogits);
        for (var i = 0; i < _batch; i++)
        {
            RoutingMaps.ArgMaxOverLevels(logits.Slice(i * _levels * _cells, _levels * _cells), _levels, _chosen.AsSpan(i * _cells, _cells));
        }
    }

    private float Score(int i)
    {
        var image01 = _image01.AsSpan(i * InputLength, InputLength);
        var reconstruction01 = _reconstruction01.AsSpan(i * InputLength, InputLength);
        var map = _maps.AsSpan(i * _plane, _plane);
        var chosen = _chosen.AsSpan(i * _cells, _cells);
        switch (_model.Manifest.Scoring.Method)
        {
            case ScoringMethod.BudgetXRecon:
                var probabilities = _prior!.Output<float>(GraphNames.PriorProbabilities).Slice(i * _cells * _levels, _cells * _levels);
                return _scorer.ScoreBudget(chosen, probabilities, _levels, _routingGrid, image01, reconstruction01, map);
            case ScoringMethod.SsimXAlignment:
                for (var l = 0; l < _levels; l++)
                {
                    var cells = _distances[l].Length;
                    _codebook.Output<float>(_distanceNames[l]).Slice(i * cells, cells).CopyTo(_distances[l]);
                }
                RoutingMaps.RoutedAlignment(chosen, _routingGrid, _distances, _levelGrids, _alignment);
                return _scorer.ScoreSsimAlignment(_alignment, _levelGrids[0], image01, reconstruction01, map);
            default:
                return _scorer.ScoreReconstruction(image01, reconstruction01, map);
        }
    }

    /// <summary>Undoes the manifest's normalization for the first <paramref name="count"/> images: x * std + mean per channel.</summary>
    private void ToUnitRange(ReadOnlySpan<float> normalized, Span<float> destination, int count)
    {
        for (var i = 0; i < count; i++)
        {
            for (var c = 0; c < _mean.Length; c++)
            {
                var offset = i * InputLength + c * _plane;
                var source = normalized.Slice(offset, _plane);
                var target = destination.Slice(offset, _plane);
                System.Numerics.Tensors.TensorPrimitives.Multiply(source, _std[c], target);
                System.Numerics.Tensors.TensorPrimitives.Add(target, _mean[c], target);
            }
        }
    }
}
