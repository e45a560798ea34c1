using Edge.Testing;

namespace Edge.Onnx.Tests;

/// <summary>Every sample model passes the official checker with full shape inference.</summary>
public sealed class GraphBuilderCheckerTests
{
    public static TheoryData<string> Samples => new(SampleGraphs.All.Keys);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_model_passes_the_official_onnx_checker(string sample)
    {
        using var folder = new TempFolder();
        var path = folder.File($"{sample}.onnx");
        SampleGraphs.All[sample]().Save(path);

        OnnxChecker.Check(path);
    }

    [Fact]
    public void The_checker_helper_rejects_a_graph_whose_node_reads_an_undefined_value()
    {
        var model = SampleGraphs.Arithmetic();
        model.Proto.Graph.Node[0].Input[0] = "no_such_value";
        using var folder = new TempFolder();
        var path = folder.File("broken.onnx");
        model.Save(path);

        var error = Assert.Throws<ExternalToolException>(() => OnnxChecker.Check(path));

        Assert.Contains("no_such_value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checker_helper_rejects_a_declared_output_shape_that_contradicts_inference()
    {
        var model = SampleGraphs.Gather();
        model.Proto.Graph.Output[0].Type.TensorType.Shape.Dim[1].DimValue = 7;
        using var folder = new TempFolder();
        var path = folder.File("wrong_shape.onnx");
        model.Save(path);

        Assert.Throws<ExternalToolException>(() => OnnxChecker.Check(path));
    }
}
