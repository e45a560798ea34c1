namespace Edge.Agent.Pipeline;

/// <summary>
/// A pipeline whose model can change while it runs: what over-the-air updates drive. Swapping takes effect between
/// two frames of each camera; no frame is scored by a half-switched model.
/// </summary>
public interface IModelHost
{
    /// <summary>The model scoring the live frames now.</summary>
    ActiveModel Current { get; }

    /// <summary>
    /// Makes <paramref name="next"/> the live model and returns the one it replaced (the caller disposes it).
    /// Throws, changing nothing, when a camera cannot use <paramref name="next"/> (no threshold for an uncalibrated bundle).
    /// </summary>
    ActiveModel Swap(ActiveModel next);

    /// <summary>
    /// Scores the live frames with <paramref name="candidate"/> beside the active model for <paramref name="window"/>,
    /// raising no alarms, and returns both models' scores on the same frames.
    /// </summary>
    Task<ShadowRecording> ShadowAsync(ActiveModel candidate, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>
    /// Until the returned handle is disposed, a failure while scoring a frame is reported to <paramref name="onFault"/>
    /// (once per frame) and the frame skipped, instead of stopping the pipeline: probation decides what to do.
    /// </summary>
    IDisposable WatchFaults(Action<string> onFault);
}
