using Edge.Onnx.Building;
using Edge.Testing;

namespace Edge.Onnx.Tests;

public sealed class ModelRoundTripTests
{
    [Fact]
    public void Saved_and_loaded_model_keeps_inputs_outputs_opset_and_metadata()
    {
        var g = new GraphBuilder("round_trip");
        var x = g.Input("image", ElementType.Float, "N", 3, 8, 8);
        g.Output(g.Relu(x), "activation", ElementType.Float, "N", 3, 8, 8);
        var model = g.Build(new ModelInfo
        {
            ProducerName = "edge-train",
            ProducerVersion = "1.2.3",
            ModelVersion = 42,
            DocString = "a test model",
            Metadata = new Dictionary<string, string> { ["bundle.version"] = "0.3.0", ["classes"] = "bottle,screw" },
        });
        using var folder = new TempFolder();
        var path = folder.File("m.onnx");

        model.Save(path);
        var loaded = OnnxModel.Load(path);

        var input = Assert.Single(loaded.Inputs);
        Assert.Equal("image", input.Name);
        Assert.Equal(ElementType.Float, input.ElementType);
        Assert.Equal(["N", "3", "8", "8"], input.Shape!.Select(d => d.ToString()));
        Assert.Equal("N", input.Shape![0].Symbol);
        Assert.Null(input.Shape![0].Size);
        Assert.Equal(3, input.Shape![1].Size);
        Assert.Equal("activation", Assert.Single(loaded.Outputs).Name);
        Assert.Equal(17, loaded.Opset);
        Assert.Equal(8, loaded.IrVersion);
        Assert.Equal("edge-train", loaded.ProducerName);
        Assert.Equal("1.2.3", loaded.ProducerVersion);
        Assert.Equal(42, loaded.ModelVersion);
        Assert.Equal("a test model", loaded.DocString);
        Assert.Equal("0.3.0", loaded.Metadata["bundle.version"]);
        Assert.Equal("bottle,screw", loaded.Metadata["classes"]);
    }

    [Fact]
    public void Initializer_values_survive_a_round_trip_bit_for_bit()
    {
        float[] weights = [1.5f, -0.25f, float.Epsilon, 3.4e38f, -0f, 7f];
        var g = new GraphBuilder("weights");
        var x = g.Input("x", ElementType.Float, "N", 3);
        var w = g.Initializer("w", weights, 2, 3);
        g.Output(g.Gemm(x, w, transB: true), "y", ElementType.Float, "N", 2);
        using var folder = new TempFolder();
        var path = folder.File("w.onnx");

        g.Build().Save(path);
        var loaded = OnnxModel.Load(path);

        Assert.Equal(["w"], loaded.InitializerNames);
        Assert.Equal(weights.Select(BitConverter.SingleToInt32Bits), loaded.InitializerFloats("w").Select(BitConverter.SingleToInt32Bits));
        Assert.DoesNotContain(loaded.Inputs, i => i.Name == "w");
    }

    [Fact]
    public void Reductions_write_axes_as_attribute_before_opset_18_and_as_input_from_18()
    {
        foreach (var opset in new[] { 17, 18 })
        {
            var g = new GraphBuilder("reduce", opset);
            var x = g.Input("x", ElementType.Float, "N", 4);
            g.Output(g.ReduceMin(x, [1]), "y", ElementType.Float, "N", 1);
            var node = g.Build().Proto.Graph.Node.Single(n => n.OpType == "ReduceMin");

            Assert.Equal(opset == 17 ? 1 : 2, node.Input.Count);
            Assert.Equal(opset == 17, node.Attribute.Any(a => a.Name == "axes"));
        }
    }

    [Fact]
    public void A_name_used_twice_is_refused_with_the_name_in_the_message()
    {
        var g = new GraphBuilder("dup");
        g.Input("x", ElementType.Float, 1);

        var error = Assert.Throws<ArgumentException>(() => g.Input("x", ElementType.Float, 1));

        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_initializer_whose_data_does_not_fill_its_shape_is_refused()
    {
        var g = new GraphBuilder("bad");

        var error = Assert.Throws<ArgumentException>(() => g.Initializer("w", new float[5], 2, 3));

        Assert.Contains("5 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opset_outside_the_supported_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GraphBuilder("old", 11));
    }

    [Fact]
    public void A_graph_without_outputs_cannot_be_built()
    {
        var g = new GraphBuilder("empty");
        g.Input("x", ElementType.Float, 1);

        Assert.Throws<InvalidOperationException>(() => g.Build());
    }
}
