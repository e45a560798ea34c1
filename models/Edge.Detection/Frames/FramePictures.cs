namespace Edge.Detection.Frames;

/// <summary>
/// What the model saw of a frame and what it made of it, for reports: both planar CHW on the [0, 1] scale, at the
/// frame-level map's size (<paramref name="Width"/> x <paramref name="Height"/>), so the map lies on them pixel for pixel.
/// A tiled frame's pictures are its tiles blended back together as the map is.
/// </summary>
public sealed record FramePictures(int Width, int Height, int Channels, float[] Input01, float[] Reconstruction01);
