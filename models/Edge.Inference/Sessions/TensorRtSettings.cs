namespace Edge.Inference.Sessions;

/// <summary>TensorRT execution provider settings: precision, engine and timing caches, builder workspace.</summary>
public sealed record TensorRtSettings
{
    public bool Fp16 { get; init; } = true;

    /// <summary>Folder where built engines are kept, so a restart does not rebuild them (minutes on a Jetson).</summary>
    public string? EngineCacheFolder { get; init; }

    /// <summary>Folder for TensorRT's timing cache, which speeds up building engines for new graphs.</summary>
    public string? TimingCacheFolder { get; init; }

    public long WorkspaceBytes { get; init; } = 1L << 30;
}
