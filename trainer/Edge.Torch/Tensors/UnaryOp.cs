namespace Edge.Torch;

/// <summary>Codes of the shim's element-wise unary operations (trainer/native/shim.h, Unary).</summary>
internal enum UnaryOp
{
    Neg = 0,
    Abs,
    Sqrt,
    Rsqrt,
    Exp,
    Expm1,
    Log,
    Log1p,
    Sin,
    Cos,
    Tanh,
    Sigmoid,
    Relu,
    Silu,
    Gelu,
    GeluTanh,
    Softplus,
    Mish,
    Elu,
    Sign,
    Floor,
    Ceil,
    Round,
    Square,
    Reciprocal,
    Erf,
    LogicalNot,
    IsNan,
}
