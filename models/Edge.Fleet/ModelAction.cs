namespace Edge.Fleet;

/// <summary>What a model command asks a device to do.</summary>
public enum ModelAction
{
    /// <summary>Download, verify, validate and switch to a new bundle version.</summary>
    Install,

    /// <summary>Go back to the previous version.</summary>
    Rollback,

    /// <summary>Publish the model state again (no change).</summary>
    Report,
}
