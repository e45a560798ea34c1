using System.Text.Json;
using Edge.Testing;

namespace Edge.Onnx.Tests;

/// <summary>The official onnx package reads back exactly the nodes and attributes we meant to write.</summary>
public sealed class PythonReadsOurModelsTests
{
    private const string DumpNodes = """
        import json, sys, onnx
        from onnx import helper
        m = onnx.load(sys.argv[1])
        nodes = [{"op": n.op_type, "inputs": list(n.input), "attrs": {a.name: helper.get_attribute_value(a) for a in n.attribute if a.type != onnx.AttributeProto.TENSOR}} for n in m.graph.node]
        def fix(v):
            return v.decode() if isinstance(v, bytes) else v
        for n in nodes:
            n["attrs"] = {k: fix(v) for k, v in n["attrs"].items()}
        print(json.dumps({"opset": m.opset_import[0].version, "ir": m.ir_version, "nodes": nodes,
                          "inputs": [[d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim] for i in m.graph.input]}))
        """;

    [Fact]
    public void Official_onnx_package_sees_our_conv_attributes_and_symbolic_batch()
    {
        using var folder = new TempFolder();
        var path = folder.File("conv.onnx");
        SampleGraphs.Conv().Save(path);

        using var dump = JsonDocument.Parse(ExternalTool.Python(DumpNodes, path));
        var root = dump.RootElement;
        var conv = root.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("op").GetString() == "Conv");
        var attrs = conv.GetProperty("attrs");

        Assert.Equal(17, root.GetProperty("opset").GetInt32());
        Assert.Equal(8, root.GetProperty("ir").GetInt32());
        Assert.Equal([2, 2], attrs.GetProperty("strides").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([1, 1, 1, 1], attrs.GetProperty("pads").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(1, attrs.GetProperty("group").GetInt32());
        Assert.Equal(["x", "w", "b"], conv.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()));
        var inputDims = root.GetProperty("inputs")[0].EnumerateArray().Select(e => e.ToString()).ToArray();
        Assert.Equal(["N", "2", "5", "5"], inputDims);
    }

    [Fact]
    public void Official_onnx_package_sees_our_resize_modes_and_omitted_optional_inputs()
    {
        using var folder = new TempFolder();
        var path = folder.File("resize.onnx");
        SampleGraphs.Resize().Save(path);

        using var dump = JsonDocument.Parse(ExternalTool.Python(DumpNodes, path));
        var resizes = dump.RootElement.GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("op").GetString() == "Resize").ToList();

        Assert.Equal(2, resizes.Count);
        Assert.Equal("nearest", resizes[0].GetProperty("attrs").GetProperty("mode").GetString());
        Assert.Equal("floor", resizes[0].GetProperty("attrs").GetProperty("nearest_mode").GetString());
        Assert.Equal("asymmetric", resizes[0].GetProperty("attrs").GetProperty("coordinate_transformation_mode").GetString());
        Assert.Equal("", resizes[0].GetProperty("inputs")[1].GetString());
        Assert.Equal("linear", resizes[1].GetProperty("attrs").GetProperty("mode").GetString());
        Assert.Equal(4, resizes[1].GetProperty("inputs").GetArrayLength());
    }
}
