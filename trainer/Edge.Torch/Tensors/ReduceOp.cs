namespace Edge.Torch;

/// <summary>Codes of the shim's reductions (trainer/native/shim.h, Reduce).</summary>
internal enum ReduceOp
{
    Sum = 0,
    Mean,
    Prod,
    Amax,
    Amin,
    Std,
    Var,
    LogSumExp,
    All,
    Any,
}
