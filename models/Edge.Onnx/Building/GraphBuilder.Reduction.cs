namespace Edge.Onnx.Building;

/// <summary>Reductions and arg-reductions. Where ONNX moved `axes` from attribute to input, the opset decides which is written.</summary>
public sealed partial class GraphBuilder
{
    public Value ArgMin(Value x, long axis, bool keepDims = true, bool selectLastIndex = false) =>
        Single("ArgMin", [x], ArgAttributes(axis, keepDims, selectLastIndex));

    public Value ArgMax(Value x, long axis, bool keepDims = true, bool selectLastIndex = false) =>
        Single("ArgMax", [x], ArgAttributes(axis, keepDims, selectLastIndex));

    public Value ReduceMin(Value x, long[] axes, bool keepDims = true) => Reduce("ReduceMin", x, axes, keepDims, axesInputSince: 18);

    public Value ReduceMax(Value x, long[] axes, bool keepDims = true) => Reduce("ReduceMax", x, axes, keepDims, axesInputSince: 18);

    public Value ReduceMean(Value x, long[] axes, bool keepDims = true) => Reduce("ReduceMean", x, axes, keepDims, axesInputSince: 18);

    public Value ReduceSum(Value x, long[] axes, bool keepDims = true) => Reduce("ReduceSum", x, axes, keepDims, axesInputSince: 13);

    private Value Reduce(string opType, Value x, long[] axes, bool keepDims, int axesInputSince)
    {
        var attributes = new Dictionary<string, object> { ["keepdims"] = keepDims };
        if (Opset >= axesInputSince)
        {
            return Single(opType, [x, Int64s(axes)], attributes);
        }
        attributes["axes"] = axes;
        return Single(opType, [x], attributes);
    }

    private static Dictionary<string, object> ArgAttributes(long axis, bool keepDims, bool selectLastIndex) => new()
    {
        ["axis"] = axis,
        ["keepdims"] = keepDims,
        ["select_last_index"] = selectLastIndex,
    };
}
