using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Imaging.Preprocessing;
using Edge.Inference.Sessions;
using Microsoft.Extensions.Logging;

namespace Edge.Detection;

/// <summary>
/// A verified bundle with every graph it needs loaded in ONNX Runtime: what the trainer's evaluation and the device
/// both run. Thread-safe: each thread scores through its own <see cref="Detector"/> from <see cref="CreateDetector"/>.
/// </summary>
public sealed class BundleModel : IDisposable
{
    private readonly Dictionary<BundleGraph, ModelSession> _sessions;

    private BundleModel(Bundle bundle, BundleManifest manifest, Dictionary<BundleGraph, ModelSession> sessions)
    {
        Bundle = bundle;
        Manifest = manifest;
        _sessions = sessions;
    }

    public Bundle Bundle { get; }

    /// <summary>The bundle's manifest, or the copy with another scoring section this model was loaded with.</summary>
    public BundleManifest Manifest { get; }

    /// <summary>Side of the model's square input in pixels.</summary>
    public int InputSize => Manifest.Input.Width;

    public int Channels => Manifest.Input.Channels;

    /// <summary>The execution provider the encoder runs on (every graph uses the same settings).</summary>
    public ExecutionProvider Provider => _sessions[BundleGraph.Encoder].Provider;

    /// <summary>True when scoring uses the budget prior (METHOD.md section 2).</summary>
    public bool UsesPrior => Manifest.Scoring.Method == ScoringMethod.BudgetXRecon;

    /// <summary>Opens and verifies the bundle folder (<see cref="Bundle.Open"/>), then loads its graphs.</summary>
    public static BundleModel Open(string folder, SessionSettings? settings = null, ILogger? logger = null) =>
        Load(Bundle.Open(folder), settings, logger);

    /// <exception cref="Inference.InferenceException">A graph does not load, or its inputs are not the bundle contract's.</exception>
    public static BundleModel Load(Bundle bundle, SessionSettings? settings = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return Load(bundle, bundle.Manifest.Scoring, settings, logger);
    }

    /// <summary>Loads the bundle to score by <paramref name="scoring"/> instead of its manifest's method (for ablations).</summary>
    public static BundleModel Load(Bundle bundle, ScoringSpec scoring, SessionSettings? settings = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(scoring);
        var manifest = bundle.Manifest with { Scoring = scoring };
        if (scoring.Method == ScoringMethod.BudgetXRecon && manifest.Architecture.PlainVq)
        {
            throw new ArgumentException("budget-x-recon scoring needs the budget prior, which a plain VQ bundle does not have.");
        }
        if (bundle.Manifest.Input.Width != bundle.Manifest.Input.Height)
        {
            throw new ArgumentException($"The bundle '{bundle.Folder}' has a {bundle.Manifest.Input.Width}x{bundle.Manifest.Input.Height} input; this version scores square inputs only.");
        }
        var sessions = new Dictionary<BundleGraph, ModelSession>();
        try
        {
            foreach (var graph in manifest.RequiredGraphs)
            {
                sessions[graph] = ModelSession.Open(bundle.GraphPath(graph), settings, logger);
            }
            return new BundleModel(bundle, manifest, sessions);
        }
        catch
        {
            // Fail halfway, release what was taken.
            foreach (var session in sessions.Values)
            {
                session.Dispose();
            }
            throw;
        }
    }

    public ModelSession Session(BundleGraph graph) => _sessions.TryGetValue(graph, out var session)
        ? session
        : throw new InvalidOperationException($"The bundle '{Bundle.Folder}' has no {BundleFileNames.GraphName(graph)} graph.");

    public bool HasGraph(BundleGraph graph) => _sessions.ContainsKey(graph);

    /// <summary>The preprocessing that turns an image into this bundle's encoder input (resize + normalization).</summary>
    public PreprocessOptions Preprocessing => new()
    {
        Width = Manifest.Input.Width,
        Height = Manifest.Input.Height,
        Channels = Channels,
        Normalization = new ChannelNormalization(
            Manifest.Input.Mean.Select(v => (float)v).ToArray(), Manifest.Input.Std.Select(v => (float)v).ToArray()),
    };

    /// <summary>
    /// A detector with its own buffers and bindings, running <paramref name="batchSize"/> inputs per call (the graphs'
    /// symbolic batch dimension N bound to it); use one per thread.
    /// </summary>
    public Detector CreateDetector(int batchSize = 1) => new(this, batchSize);

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }
    }
}
