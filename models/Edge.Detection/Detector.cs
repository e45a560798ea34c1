using Edge.Bundles.Manifest;
using Edge.Inference.Sessions;
using Edge.Scoring.Maps;

namespace Edge.Detection;

/// <summary>
/// Runs one model input at a time through a bundle's graphs (METHOD.md sections 2 and 3): encoder, nearest codes, the
/// budget prior's allocation, the decoder, then the manifest's scoring method, into the input's RAW defect map (not
/// smoothed, no regions of interest, no image score: those belong to the whole frame, see
/// <see cref="Frames.FrameScorer"/>, which is how everything turns an image into a score). Every buffer and binding
/// is made in the constructor, so <see cref="Detect()"/> allocates nothing. Not thread-safe: one detector per thread.
/// The spans it exposes show the latest call's results and stay valid until the next call or <see cref="Dispose"/>.
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

    internal Detector(BundleModel model)
    {
        _model = model;
        var manifest = model.Manifest;
        var size = model.InputSize;
        var factors = manifest.Architecture.DownsampleFactors;
        _levels = manifest.Architecture.Levels;
        _levelGrids = factors.Select(f => size / f).ToArray();
        _routingGrid = size / manifest.Architecture.CoarsestFactor;
        _mean = manifest.Input.Mean.Select(v => (float)v).ToArray();
        _std = manifest.Input.Std.Select(v => (float)v).ToArray();
        _chosen = new long[_routingGrid * _routingGrid];
        _priorChosen = new long[_chosen.Length];
        _distances = _levelGrids.Select(g => new float[g * g]).ToArray();
        _alignment = new float[_levelGrids[0] * _levelGrids[0]];
        _image01 = new float[model.Channels * size * size];
        _reconstruction01 = new float[_image01.Length];
        _map = new float[size * size];
        _scorer = new DefectMapScorer(ScoringOptions.From(manifest));
        _latentNames = Enumerable.Range(0, _levels).Select(GraphNames.Latent).ToArray();
        _quantizedNames = Enumerable.Range(0, _levels).Select(GraphNames.Quantized).ToArray();
        _distanceNames = Enumerable.Range(0, _levels).Select(GraphNames.Distance).ToArray();
        try
        {
            _encoder = model.Session(BundleGraph.Encoder).CreateBinding(1);
            _codebook = model.Session(BundleGraph.Codebook).CreateBinding(1);
            _decoder = model.Session(BundleGraph.Decoder).CreateBinding(1);
            _prior = model.UsesPrior ? model.Session(BundleGraph.BudgetPrior).CreateBinding(1) : null;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public BundleModel Model => _model;

    /// <summary>Floats of one encoder input (channels x size x size, normalized as the manifest says).</summary>
    public int InputLength => _image01.Length;

    /// <summary>The encoder's input buffer: preprocess straight into it, then call <see cref="Detect()"/>.</summary>
    public Span<float> Input => _encoder.Input<float>(GraphNames.Image);

    /// <summary>The latest raw defect map, input size x input size, row-major (before smoothing).</summary>
    public ReadOnlySpan<float> Map => _map;

    /// <summary>The latest input on the [0, 1] scale, planar CHW.</summary>
    public ReadOnlySpan<float> Image01 => _image01;

    /// <summary>The latest reconstruction on the [0, 1] scale (made with the prior's allocation when scoring uses the prior).</summary>
    public ReadOnlySpan<float> Reconstruction01 => _reconstruction01;

    /// <summary>The routing level the input chose per coarsest cell (0 = finest).</summary>
    public ReadOnlySpan<long> ChosenLevels => _chosen;

    /// <summary>The prior's likeliest level per coarsest cell; empty without a prior.</summary>
    public ReadOnlySpan<long> PriorLevels => _prior is null ? [] : _priorChosen;

    public int RoutingGrid => _routingGrid;

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

    /// <summary>Runs what is in <see cref="Input"/> into <see cref="Map"/>; <paramref name="classId"/> picks the prior's product class.</summary>
    public void Detect(int classId = 0)
    {
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
            _prior.Input<long>(GraphNames.ClassId)[0] = classId;
            _prior.Run();
            RoutingMaps.ArgMaxPerToken(_prior.Output<float>(GraphNames.PriorProbabilities), _levels, _priorChosen);
            decoderRouting = _priorChosen;
        }
        for (var l = 0; l < _levels; l++)
        {
            _codebook.Output<float>(_quantizedNames[l]).CopyTo(_decoder.Input<float>(_quantizedNames[l]));
        }
        RoutingMaps.OneHot(decoderRouting, _levels, _decoder.Input<float>(GraphNames.Routing));
        _decoder.Run();
        ToUnitRange(_encoder.Input<float>(GraphNames.Image), _image01);
        ToUnitRange(_decoder.Output<float>(GraphNames.Reconstruction), _reconstruction01);
        BuildMap();
    }

    public void Dispose()
    {
        _encoder?.Dispose();
        _codebook?.Dispose();
        _decoder?.Dispose();
        _prior?.Dispose();
    }

    private void ChooseLevels()
    {
        if (_model.Manifest.Architecture.PlainVq)
        {
            // A plain VQ-VAE always routes to the finest level.
            Array.Clear(_chosen);
            return;
        }
        RoutingMaps.ArgMaxOverLevels(_encoder.Output<float>(GraphNames.RoutingLogits), _levels, _chosen);
    }

    private void BuildMap()
    {
        switch (_model.Manifest.Scoring.Method)
        {
            case ScoringMethod.BudgetXRecon:
                _scorer.BudgetMap(_chosen, _prior!.Output<float>(GraphNames.PriorProbabilities), _levels, _routingGrid,
                    _image01, _reconstruction01, _map);
                return;
            case ScoringMethod.SsimXAlignment:
                for (var l = 0; l < _levels; l++)
                {
                    _codebook.Output<float>(_distanceNames[l]).CopyTo(_distances[l]);
                }
                RoutingMaps.RoutedAlignment(_chosen, _routingGrid, _distances, _levelGrids, _alignment);
                _scorer.SsimAlignmentMap(_alignment, _levelGrids[0], _image01, _reconstruction01, _map);
                return;
            default:
                _scorer.ReconstructionMap(_image01, _reconstruction01, _map);
                return;
        }
    }

    /// <summary>Undoes the manifest's normalization: x * std + mean per channel.</summary>
    private void ToUnitRange(ReadOnlySpan<float> normalized, Span<float> destination)
    {
        var plane = _map.Length;
        for (var c = 0; c < _mean.Length; c++)
        {
            var source = normalized.Slice(c * plane, plane);
            var target = destination.Slice(c * plane, plane);
            System.Numerics.Tensors.TensorPrimitives.Multiply(source, _std[c], target);
            System.Numerics.Tensors.TensorPrimitives.Add(target, _mean[c], target);
        }
    }
}
