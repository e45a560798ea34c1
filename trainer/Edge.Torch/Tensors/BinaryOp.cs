namespace Edge.Torch;

/// <summary>Codes of the shim's element-wise binary operations (trainer/native/shim.h, Binary).</summary>
internal enum BinaryOp
{
    Add = 0,
    Sub,
    Mul,
    Div,
    Pow,
    Maximum,
    Minimum,
    Remainder,
    Atan2,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    LogicalAnd,
    LogicalOr,
}
