namespace Edge.Trainer.Tests.Fleet;

/// <summary>What a <see cref="SimulatedDevice"/> does with an install command it accepted.</summary>
public enum SimulatedDeviceBehaviour
{
    /// <summary>Goes through every install state to <c>active</c> on the target version.</summary>
    Succeeds,

    /// <summary>Starts downloading, then ends <c>failed</c> with <see cref="SimulatedDevice.FailureReason"/>.</summary>
    Fails,

    /// <summary>Starts downloading and is never heard of again (a hung download).</summary>
    Hangs,
}
