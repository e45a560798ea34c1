namespace Edge.Fleet;

/// <summary>The values of <see cref="ModelState.State"/>, in the order an install goes through them.</summary>
public static class ModelStates
{
    public const string Idle = "idle";
    public const string Downloading = "downloading";
    public const string Verifying = "verifying";
    public const string Validating = "validating";
    public const string Shadow = "shadow";
    public const string Switching = "switching";
    public const string Probation = "probation";

    /// <summary>The target version runs and passed probation.</summary>
    public const string Active = "active";

    /// <summary>The command was refused or a step failed; the active version is unchanged.</summary>
    public const string Failed = "failed";

    /// <summary>The new version failed after the switch and the previous one runs again.</summary>
    public const string RolledBack = "rolled-back";

    /// <summary>True for the states an install ends in.</summary>
    public static bool IsFinal(string state) => state is Active or Failed or RolledBack or Idle;
}
