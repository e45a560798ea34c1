namespace Edge.Agent.Cameras.Health;

/// <summary>Camera faults found by the health checks: problems of the camera, not anomalies in the product.</summary>
[Flags]
public enum CameraFaults
{
    None = 0,

    /// <summary>Very dark or almost uniform picture: a cap on the lens, something in front of it, no light.</summary>
    LensBlocked = 1,

    /// <summary>Much less fine detail than the learned baseline: the lens lost focus or got dirty.</summary>
    FocusLost = 2,

    /// <summary>Mean brightness far from the learned baseline: lighting or exposure changed.</summary>
    ExposureChanged = 4,
}
