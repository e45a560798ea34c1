namespace Edge.Agent.Cameras.Health;

/// <summary>What the camera's picture normally looks like: the reference for focus and exposure checks.</summary>
/// <param name="MeanLuma">Normal mean brightness.</param>
/// <param name="LaplacianVariance">Normal amount of fine detail.</param>
public readonly record struct HealthBaseline(double MeanLuma, double LaplacianVariance);
