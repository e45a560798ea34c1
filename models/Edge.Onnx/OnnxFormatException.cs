namespace Edge.Onnx;

/// <summary>A file or byte buffer that is not a usable ONNX model.</summary>
public sealed class OnnxFormatException : Exception
{
    public OnnxFormatException(string message) : base(message)
    {
    }

    public OnnxFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OnnxFormatException()
    {
    }
}
