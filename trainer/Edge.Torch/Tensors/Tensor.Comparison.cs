namespace Edge.Torch;

/// <summary>Element-wise comparisons and logic; results are bool tensors.</summary>
public sealed partial class Tensor
{
    public Tensor Eq(Tensor other) => Binary(BinaryOp.Eq, other);

    public Tensor Ne(Tensor other) => Binary(BinaryOp.Ne, other);

    public Tensor Lt(Tensor other) => Binary(BinaryOp.Lt, other);

    public Tensor Le(Tensor other) => Binary(BinaryOp.Le, other);

    public Tensor Gt(Tensor other) => Binary(BinaryOp.Gt, other);

    public Tensor Ge(Tensor other) => Binary(BinaryOp.Ge, other);

    public Tensor Eq(double value) => BinaryScalar(BinaryOp.Eq, value);

    public Tensor Ne(double value) => BinaryScalar(BinaryOp.Ne, value);

    public Tensor Lt(double value) => BinaryScalar(BinaryOp.Lt, value);

    public Tensor Le(double value) => BinaryScalar(BinaryOp.Le, value);

    public Tensor Gt(double value) => BinaryScalar(BinaryOp.Gt, value);

    public Tensor Ge(double value) => BinaryScalar(BinaryOp.Ge, value);

    public Tensor LogicalAnd(Tensor other) => Binary(BinaryOp.LogicalAnd, other);

    public Tensor LogicalOr(Tensor other) => Binary(BinaryOp.LogicalOr, other);

    public Tensor LogicalNot() => Unary(UnaryOp.LogicalNot);

    public Tensor IsNan() => Unary(UnaryOp.IsNan);

    /// <summary>Replaces the elements where <paramref name="mask"/> is true with <paramref name="value"/>.</summary>
    public Tensor MaskedFill(Tensor mask, double value)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return Native.NativeResult.Tensor(Interop.Shim.edge_masked_fill(Handle, mask.Handle, value));
    }
}
