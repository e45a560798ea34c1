using Edge.Testing;

namespace Edge.Onnx.Tests;

public sealed class NotOnnxTests
{
    public static TheoryData<string, byte[]> NotModels => new()
    {
        { "empty", [] },
        { "text", "this is a README, not a model\n"u8.ToArray() },
        { "random", RandomBytes() },
        { "truncated", SampleGraphs.Conv().ToByteArray()[..40] },
    };

    [Theory]
    [MemberData(nameof(NotModels))]
    public void Loading_a_file_that_is_not_onnx_gives_a_format_error_naming_the_file(string kind, byte[] content)
    {
        using var folder = new TempFolder();
        var path = folder.File($"{kind}.onnx");
        File.WriteAllBytes(path, content);

        var error = Assert.Throws<OnnxFormatException>(() => OnnxModel.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not an ONNX model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_a_missing_file_gives_a_format_error_naming_the_file()
    {
        var error = Assert.Throws<OnnxFormatException>(() => OnnxModel.Load("/nonexistent/model.onnx"));

        Assert.Contains("/nonexistent/model.onnx", error.Message, StringComparison.Ordinal);
    }

    private static byte[] RandomBytes()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
