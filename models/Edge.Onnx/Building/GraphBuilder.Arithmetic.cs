namespace Edge.Onnx.Building;

/// <summary>Element-wise arithmetic with numpy-style broadcasting.</summary>
public sealed partial class GraphBuilder
{
    public Value Add(Value a, Value b) => Single("Add", [a, b]);

    public Value Sub(Value a, Value b) => Single("Sub", [a, b]);

    public Value Mul(Value a, Value b) => Single("Mul", [a, b]);

    public Value Div(Value a, Value b) => Single("Div", [a, b]);

    public Value Pow(Value a, Value exponent) => Single("Pow", [a, exponent]);

    public Value Max(params Value[] values) => Single("Max", values.Cast<Value?>().ToArray());

    public Value Min(params Value[] values) => Single("Min", values.Cast<Value?>().ToArray());

    public Value Exp(Value x) => Single("Exp", [x]);

    public Value Log(Value x) => Single("Log", [x]);

    public Value Sqrt(Value x) => Single("Sqrt", [x]);

    public Value Abs(Value x) => Single("Abs", [x]);

    public Value Neg(Value x) => Single("Neg", [x]);

    public Value Clip(Value x, Value? min, Value? max) => Single("Clip", [x, min, max]);

    public Value Equal(Value a, Value b) => Single("Equal", [a, b]);

    public Value Where(Value condition, Value whenTrue, Value whenFalse) => Single("Where", [condition, whenTrue, whenFalse]);
}
