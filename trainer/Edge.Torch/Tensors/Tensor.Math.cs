using System.Runtime.CompilerServices;
using Edge.Torch.Native;

namespace Edge.Torch;

public sealed partial class Tensor
{
    public Tensor Neg() => Unary(UnaryOp.Neg);

    public Tensor Abs() => Unary(UnaryOp.Abs);

    public Tensor Sqrt() => Unary(UnaryOp.Sqrt);

    public Tensor Rsqrt() => Unary(UnaryOp.Rsqrt);

    public Tensor Exp() => Unary(UnaryOp.Exp);

    public Tensor Expm1() => Unary(UnaryOp.Expm1);

    public Tensor Log() => Unary(UnaryOp.Log);

    public Tensor Log1p() => Unary(UnaryOp.Log1p);

    public Tensor Sin() => Unary(UnaryOp.Sin);

    public Tensor Cos() => Unary(UnaryOp.Cos);

    public Tensor Tanh() => Unary(UnaryOp.Tanh);

    public Tensor Sigmoid() => Unary(UnaryOp.Sigmoid);

    public Tensor Relu() => Unary(UnaryOp.Relu);

    public Tensor Silu() => Unary(UnaryOp.Silu);

    /// <summary>GELU, exact (erf) or with the tanh approximation.</summary>
    public Tensor Gelu(bool tanhApproximation = false) => Unary(tanhApproximation ? UnaryOp.GeluTanh : UnaryOp.Gelu);

    public Tensor Softplus() => Unary(UnaryOp.Softplus);

    public Tensor Mish() => Unary(UnaryOp.Mish);

    /// <summary>ELU with alpha 1.</summary>
    public Tensor Elu() => Unary(UnaryOp.Elu);

    public Tensor LeakyRelu(double negativeSlope = 0.01) => NativeResult.Tensor(Interop.Shim.edge_leaky_relu(Handle, negativeSlope));

    public Tensor Sign() => Unary(UnaryOp.Sign);

    public Tensor Floor() => Unary(UnaryOp.Floor);

    public Tensor Ceil() => Unary(UnaryOp.Ceil);

    public Tensor Round() => Unary(UnaryOp.Round);

    public Tensor Square() => Unary(UnaryOp.Square);

    public Tensor Reciprocal() => Unary(UnaryOp.Reciprocal);

    public Tensor Erf() => Unary(UnaryOp.Erf);

    public Tensor Pow(double exponent) => BinaryScalar(BinaryOp.Pow, exponent);

    public Tensor Pow(Tensor exponent) => Binary(BinaryOp.Pow, exponent);

    public Tensor Add(Tensor other) => Binary(BinaryOp.Add, other);

    public Tensor Sub(Tensor other) => Binary(BinaryOp.Sub, other);

    public Tensor Mul(Tensor other) => Binary(BinaryOp.Mul, other);

    public Tensor Div(Tensor other) => Binary(BinaryOp.Div, other);

    public Tensor Maximum(Tensor other) => Binary(BinaryOp.Maximum, other);

    public Tensor Minimum(Tensor other) => Binary(BinaryOp.Minimum, other);

    public Tensor Remainder(Tensor other) => Binary(BinaryOp.Remainder, other);

    public Tensor Remainder(double divisor) => BinaryScalar(BinaryOp.Remainder, divisor);

    public Tensor Atan2(Tensor other) => Binary(BinaryOp.Atan2, other);

    /// <summary>Clamps to [min, max]; either bound may be left out (null).</summary>
    public Tensor Clamp(double? min = null, double? max = null) =>
        NativeResult.Tensor(Interop.Shim.edge_clamp(Handle, min ?? 0, min.HasValue ? 1 : 0, max ?? 0, max.HasValue ? 1 : 0));

    public Tensor ClampMin(double min) => Clamp(min, null);

    public Tensor ClampMax(double max) => Clamp(null, max);

    /// <summary>this + weight * (end - this).</summary>
    public Tensor Lerp(Tensor end, double weight)
    {
        ArgumentNullException.ThrowIfNull(end);
        return NativeResult.Tensor(Interop.Shim.edge_lerp(Handle, end.Handle, weight));
    }

    /// <summary>Matrix product with PyTorch's broadcasting rules (vector, matrix and batched forms).</summary>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return NativeResult.Tensor(Interop.Shim.edge_matmul(Handle, other.Handle));
    }

    /// <summary>Batched matrix product of (B, N, M) and (B, M, P).</summary>
    public Tensor Bmm(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return NativeResult.Tensor(Interop.Shim.edge_bmm(Handle, other.Handle));
    }

    /// <summary>this += alpha * other, in place.</summary>
    public Tensor AddInPlace(Tensor other, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        NativeResult.Check(Interop.Shim.edge_add_scaled_(Handle, other.Handle, alpha));
        return this;
    }

    public Tensor SubInPlace(Tensor other) => BinaryInPlace(BinaryOp.Sub, other);

    public Tensor MulInPlace(Tensor other) => BinaryInPlace(BinaryOp.Mul, other);

    public Tensor DivInPlace(Tensor other) => BinaryInPlace(BinaryOp.Div, other);

    public Tensor AddInPlace(double value) => BinaryScalarInPlace(BinaryOp.Add, value);

    public Tensor MulInPlace(double value) => BinaryScalarInPlace(BinaryOp.Mul, value);

    public Tensor DivInPlace(double value) => BinaryScalarInPlace(BinaryOp.Div, value);

    internal Tensor Unary(UnaryOp op, [CallerMemberName] string operation = "") =>
        NativeResult.Tensor(Interop.Shim.edge_unary(Handle, (int)op), operation);

    internal Tensor Binary(BinaryOp op, Tensor other, [CallerMemberName] string operation = "")
    {
        ArgumentNullException.ThrowIfNull(other);
        return NativeResult.Tensor(Interop.Shim.edge_binary(Handle, other.Handle, (int)op), operation);
    }

    internal Tensor BinaryScalar(BinaryOp op, double scalar, bool reversed = false, [CallerMemberName] string operation = "") =>
        NativeResult.Tensor(Interop.Shim.edge_binary_scalar(Handle, scalar, (int)op, reversed ? 1 : 0), operation);

    private Tensor BinaryInPlace(BinaryOp op, Tensor other, [CallerMemberName] string operation = "")
    {
        ArgumentNullException.ThrowIfNull(other);
        NativeResult.Check(Interop.Shim.edge_binary_(Handle, other.Handle, (int)op), operation);
        return this;
    }

    private Tensor BinaryScalarInPlace(BinaryOp op, double scalar, [CallerMemberName] string operation = "")
    {
        NativeResult.Check(Interop.Shim.edge_binary_scalar_(Handle, scalar, (int)op), operation);
        return this;
    }
}
