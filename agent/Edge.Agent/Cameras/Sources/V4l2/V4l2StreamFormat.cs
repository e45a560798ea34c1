namespace Edge.Agent.Cameras.Sources.V4l2;

/// <summary>The image format a driver settled on (VIDIOC_S_FMT may adjust what was asked).</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="FourCc">Pixel format code.</param>
/// <param name="BytesPerLine">Row stride of uncompressed formats (may exceed the packed row).</param>
/// <param name="SizeImage">Largest buffer size one frame needs.</param>
internal readonly record struct V4l2StreamFormat(int Width, int Height, uint FourCc, int BytesPerLine, int SizeImage);
