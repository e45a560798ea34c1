namespace Edge.Testing;

/// <summary>
/// The official ONNX checker (Debian's python3-onnx), an independent judge of the graphs we write:
/// <c>onnx.checker.check_model(model, full_check=True)</c> also runs strict shape inference.
/// </summary>
public static class OnnxChecker
{
    private const string Script = """
        import sys
        try:
            import onnx
        except ImportError:
            sys.exit("python3-onnx is missing: apt-get install python3-onnx (or run make setup)")
        model = onnx.load(sys.argv[1])
        onnx.checker.check_model(model, full_check=True)
        print("ok")
        """;

    /// <summary>Throws <see cref="ExternalToolException"/> with the checker's message when the model is invalid.</summary>
    public static void Check(string modelPath)
    {
        var output = ExternalTool.Python(Script, modelPath);
        if (output.Trim() != "ok")
        {
            throw new InvalidOperationException($"The ONNX checker printed '{output.Trim()}' instead of 'ok'.");
        }
    }
}
