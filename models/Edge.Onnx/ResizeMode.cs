namespace Edge.Onnx;

/// <summary>Interpolation for Resize: nearest neighbour, or (bi/tri)linear.</summary>
public enum ResizeMode
{
    Nearest,
    Linear,
}
