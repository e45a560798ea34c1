using Onnx;

namespace Edge.Onnx.Building;

/// <summary>Operators that move, select or reshape data.</summary>
public sealed partial class GraphBuilder
{
    public Value Reshape(Value x, params long[] shape) => Single("Reshape", [x, Int64s(shape)]);

    public Value Transpose(Value x, params long[] perm) =>
        Single("Transpose", [x], new Dictionary<string, object> { ["perm"] = perm });

    public Value Concat(long axis, params Value[] values) =>
        Single("Concat", values.Cast<Value?>().ToArray(), new Dictionary<string, object> { ["axis"] = axis });

    public Value Unsqueeze(Value x, params long[] axes) => Single("Unsqueeze", [x, Int64s(axes)]);

    public Value Squeeze(Value x, params long[] axes) => Single("Squeeze", [x, Int64s(axes)]);

    public Value Slice(Value x, long[] starts, long[] ends, long[]? axes = null, long[]? steps = null) =>
        Single("Slice", [x, Int64s(starts), Int64s(ends), axes is null ? null : Int64s(axes), steps is null ? null : Int64s(steps)]);

    public Value Gather(Value data, Value indices, long axis = 0) =>
        Single("Gather", [data, indices], new Dictionary<string, object> { ["axis"] = axis });

    public Value Cast(Value x, ElementType to) =>
        Single("Cast", [x], new Dictionary<string, object> { ["to"] = (long)to });

    public Value Identity(Value x) => Single("Identity", [x]);

    public Value Shape(Value x) => Single("Shape", [x]);

    public Value Expand(Value x, Value shape) => Single("Expand", [x, shape]);

    /// <summary>A Constant node holding <paramref name="tensor"/>.</summary>
    public Value Constant(TensorProto tensor) =>
        Single("Constant", [], new Dictionary<string, object> { ["value"] = tensor });

    /// <summary>
    /// Resizes by per-axis scales. <paramref name="coordinates"/> is ONNX's coordinate_transformation_mode:
    /// PyTorch's interpolate matches "asymmetric" + nearest_mode "floor" for nearest, and "pytorch_half_pixel" for linear
    /// with align_corners=False.
    /// </summary>
    public Value ResizeByScales(Value x, float[] scales, ResizeMode mode, string coordinates = "half_pixel", string nearestMode = "round_prefer_floor") =>
        Single("Resize", [x, null, Floats(scales)], ResizeAttributes(mode, coordinates, nearestMode));

    /// <summary>Resizes to the given output sizes (one per axis).</summary>
    public Value ResizeToSizes(Value x, long[] sizes, ResizeMode mode, string coordinates = "half_pixel", string nearestMode = "round_prefer_floor") =>
        Single("Resize", [x, null, null, Int64s(sizes)], ResizeAttributes(mode, coordinates, nearestMode));

    /// <summary>Resizes to sizes computed inside the graph (an int64 tensor, one size per axis).</summary>
    public Value ResizeToSizes(Value x, Value sizes, ResizeMode mode, string coordinates = "half_pixel", string nearestMode = "round_prefer_floor") =>
        Single("Resize", [x, null, null, sizes], ResizeAttributes(mode, coordinates, nearestMode));

    private static Dictionary<string, object> ResizeAttributes(ResizeMode mode, string coordinates, string nearestMode)
    {
        var attributes = new Dictionary<string, object>
        {
            ["mode"] = mode == ResizeMode.Nearest ? "nearest" : "linear",
            ["coordinate_transformation_mode"] = coordinates,
        };
        if (mode == ResizeMode.Nearest)
        {
            attributes["nearest_mode"] = nearestMode;
        }
        return attributes;
    }
}
