using Edge.Inference.Sessions;

namespace Edge.Agent.Configuration;

/// <summary>Which ONNX Runtime to load and where models run.</summary>
public sealed record OnnxRuntimeConfig
{
    private static readonly Dictionary<string, ExecutionProvider> ProviderNames = new()
    {
        ["TensorRt"] = ExecutionProvider.TensorRt,
        ["Cuda"] = ExecutionProvider.Cuda,
        ["Cpu"] = ExecutionProvider.Cpu,
    };

    /// <summary>Path of libonnxruntime.so (a Jetson's GPU build); null uses the one shipped with the agent.</summary>
    public string? Library { get; init; }

    public IReadOnlyList<ExecutionProvider> Providers { get; init; } =
        [ExecutionProvider.TensorRt, ExecutionProvider.Cuda, ExecutionProvider.Cpu];

    /// <summary>Go on to the next provider when one is missing (true) or refuse to start (false).</summary>
    public bool AllowFallback { get; init; } = true;

    /// <summary>TensorRT builds half-precision engines (faster on Jetsons; the golden check still has to pass).</summary>
    public bool TensorRtFp16 { get; init; } = true;

    /// <summary>Where TensorRT engines are cached; null: <c>&lt;stateDirectory&gt;/tensorrt</c>.</summary>
    public string? EngineCache { get; init; }

    internal static OnnxRuntimeConfig Read(ConfigReader r)
    {
        var defaults = new OnnxRuntimeConfig();
        var providers = new List<ExecutionProvider>();
        var listed = r.Array("providers");
        foreach (var (item, path) in listed)
        {
            var name = item?.GetValueKind() == System.Text.Json.JsonValueKind.String ? item.GetValue<string>() : null;
            var match = ProviderNames.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null)
            {
                r.ProblemAt(path, "must be \"TensorRt\", \"Cuda\" or \"Cpu\"");
            }
            else if (providers.Contains(match.Value))
            {
                r.ProblemAt(path, $"{match.Key} is listed twice");
            }
            else
            {
                providers.Add(match.Value);
            }
        }
        if (r.Has("providers") && listed.Count == 0)
        {
            r.Problem("providers", "must list at least one provider");
        }
        var config = new OnnxRuntimeConfig
        {
            Library = r.String("library"),
            Providers = providers.Count > 0 ? providers : defaults.Providers,
            AllowFallback = r.Bool("allowFallback", true),
            TensorRtFp16 = r.Bool("tensorRtFp16", true),
            EngineCache = r.String("engineCache"),
        };
        r.RejectUnknownKeys();
        return config;
    }
}
