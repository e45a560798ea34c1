using System.Text.RegularExpressions;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference;

/// <summary>An ONNX Runtime failure (or a setup problem around it), with ORT's own message and its error code.</summary>
public sealed partial class InferenceException : Exception
{
    public InferenceException(InferenceErrorCode code, string message, Exception? inner = null) : base(message, inner)
    {
        Code = code;
    }

    public InferenceException()
    {
    }

    public InferenceException(string message) : base(message)
    {
    }

    public InferenceException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public InferenceErrorCode Code { get; } = InferenceErrorCode.Fail;

    /// <summary>Wraps ORT's exception; the code is read from ORT's "[ErrorCode:Name]" message prefix.</summary>
    internal static InferenceException From(OnnxRuntimeException e, string context)
    {
        var match = CodePattern().Match(e.Message);
        var code = match.Success && Enum.TryParse<InferenceErrorCode>(match.Groups[1].Value, out var parsed) ? parsed : InferenceErrorCode.Fail;
        return new InferenceException(code, $"{context}: {e.Message}", e);
    }

    [GeneratedRegex(@"\[ErrorCode:(\w+)\]")]
    private static partial Regex CodePattern();
}
