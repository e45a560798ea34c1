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
    /// Until the returned handle is disposed, a failure while scoring a frame is offered to <paramref name="onFault"/>
    /// (the version of the model that scored it, the reason). When it returns true the frame is skipped and the
    /// pipeline goes on (probation decides what to do); when false the failure stops the pipeline as always.
    /// Register it before a swap, so not even the first frame of the new model can fail unseen.
    /// </summary>
    IDisposable WatchFaults(Func<string, string, bool> onFault);
}
