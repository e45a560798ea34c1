using Edge.Imaging;

namespace Edge.Detection.Frames;

/// <summary>
/// One model input cut from a frame: <paramref name="Source"/> (frame pixels) is resized into the encoder's input, and
/// the raw map the detector makes of it lands on <paramref name="Target"/> of the frame-level map (map pixels).
/// Today a frame has one tile (the crop, resized); native-resolution tiling gives it several.
/// </summary>
public readonly record struct ModelTile(PixelRect Source, PixelRect Target);
