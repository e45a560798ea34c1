using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Sessions;

/// <summary>How to open a model: threads, optimization, execution providers in order of preference, warm-up.</summary>
public sealed record SessionSettings
{
    /// <summary>Providers to try, first choice first. The CPU provider is always available.</summary>
    public IReadOnlyList<ExecutionProvider> Providers { get; init; } = [ExecutionProvider.Cpu];

    /// <summary>When a provider is missing, go on to the next one (true) or fail (false).</summary>
    public bool AllowFallback { get; init; } = true;

    public int CudaDeviceId { get; init; }

    public TensorRtSettings TensorRt { get; init; } = new();

    /// <summary>Threads inside one operator; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; init; }

    public int InterOpThreads { get; init; }

    public GraphOptimizationLevel Optimization { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>Where to save the optimized graph (for inspection or faster loads); null saves nothing.</summary>
    public string? OptimizedModelPath { get; init; }

    /// <summary>Run the model once on zeros at load, so the first real frame does not pay for lazy initialization.</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>Value given to symbolic dimensions (the batch "N") for warm-up and bindings.</summary>
    public long SymbolicDimension { get; init; } = 1;

    public void Validate()
    {
        if (Providers.Count == 0)
        {
            throw new ArgumentException("providers: list at least one execution provider (TensorRt, Cuda or Cpu).");
        }
        if (IntraOpThreads < 0 || InterOpThreads < 0)
        {
            throw new ArgumentException("intraOpThreads and interOpThreads must be 0 (automatic) or more.");
        }
        if (SymbolicDimension < 1)
        {
            throw new ArgumentException("symbolicDimension must be at least 1.");
        }
    }
}
