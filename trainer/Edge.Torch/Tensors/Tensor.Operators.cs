namespace Edge.Torch;

/// <summary>Arithmetic operators; each returns a new tensor (broadcasting as in PyTorch).</summary>
public sealed partial class Tensor
{
    public static Tensor operator +(Tensor a, Tensor b) => Checked(a).Binary(BinaryOp.Add, b, "operator +");

    public static Tensor operator -(Tensor a, Tensor b) => Checked(a).Binary(BinaryOp.Sub, b, "operator -");

    public static Tensor operator *(Tensor a, Tensor b) => Checked(a).Binary(BinaryOp.Mul, b, "operator *");

    public static Tensor operator /(Tensor a, Tensor b) => Checked(a).Binary(BinaryOp.Div, b, "operator /");

    public static Tensor operator +(Tensor a, double b) => Checked(a).BinaryScalar(BinaryOp.Add, b, operation: "operator +");

    public static Tensor operator -(Tensor a, double b) => Checked(a).BinaryScalar(BinaryOp.Sub, b, operation: "operator -");

    public static Tensor operator *(Tensor a, double b) => Checked(a).BinaryScalar(BinaryOp.Mul, b, operation: "operator *");

    public static Tensor operator /(Tensor a, double b) => Checked(a).BinaryScalar(BinaryOp.Div, b, operation: "operator /");

    public static Tensor operator +(double a, Tensor b) => Checked(b).BinaryScalar(BinaryOp.Add, a, operation: "operator +");

    public static Tensor operator -(double a, Tensor b) => Checked(b).BinaryScalar(BinaryOp.Sub, a, reversed: true, operation: "operator -");

    public static Tensor operator *(double a, Tensor b) => Checked(b).BinaryScalar(BinaryOp.Mul, a, operation: "operator *");

    public static Tensor operator /(double a, Tensor b) => Checked(b).BinaryScalar(BinaryOp.Div, a, reversed: true, operation: "operator /");

    public static Tensor operator -(Tensor a) => Checked(a).Unary(UnaryOp.Neg, "operator -");

    // Named alternates of the operators, for languages without operator overloading (CA2225).
    public static Tensor Add(Tensor a, Tensor b) => a + b;

    public static Tensor Subtract(Tensor a, Tensor b) => a - b;

    public static Tensor Multiply(Tensor a, Tensor b) => a * b;

    public static Tensor Divide(Tensor a, Tensor b) => a / b;

    public static Tensor Negate(Tensor a) => -a;

    /// <summary>scalar - this.</summary>
    public Tensor SubtractFrom(double scalar) => BinaryScalar(BinaryOp.Sub, scalar, reversed: true);

    /// <summary>scalar / this.</summary>
    public Tensor DivideInto(double scalar) => BinaryScalar(BinaryOp.Div, scalar, reversed: true);

    /// <summary>scalar ^ this.</summary>
    public Tensor PowerOf(double scalar) => BinaryScalar(BinaryOp.Pow, scalar, reversed: true);

    private static Tensor Checked(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor;
    }
}
