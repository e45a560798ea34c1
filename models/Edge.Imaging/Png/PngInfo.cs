namespace Edge.Imaging.Png;

/// <summary>What a PNG header says: size, channels as stored (a palette counts as RGB, or RGBA with transparency), 8 or 16 bits.</summary>
public readonly record struct PngInfo(int Width, int Height, PixelLayout Layout, int BitDepth, bool IsPalette);
