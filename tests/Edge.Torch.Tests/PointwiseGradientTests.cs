using Edge.Torch;

namespace Edge.Torch.Tests;

public class PointwiseGradientTests
{
    private static readonly Dictionary<string, Func<Tensor, Tensor>> UnaryOps = new()
    {
        ["Neg"] = x => x.Neg(),
        ["Abs"] = x => x.Abs(),
        ["Exp"] = x => x.Exp(),
        ["Expm1"] = x => x.Expm1(),
        ["Sin"] = x => x.Sin(),
        ["Cos"] = x => x.Cos(),
        ["Tanh"] = x => x.Tanh(),
        ["Sigmoid"] = x => x.Sigmoid(),
        ["Relu"] = x => x.Relu(),
        ["Silu"] = x => x.Silu(),
        ["Gelu"] = x => x.Gelu(),
        ["GeluTanh"] = x => x.Gelu(tanhApproximation: true),
        ["Softplus"] = x => x.Softplus(),
        ["Mish"] = x => x.Mish(),
        ["Elu"] = x => x.Elu(),
        ["LeakyRelu"] = x => x.LeakyRelu(0.2),
        ["Square"] = x => x.Square(),
        ["Erf"] = x => x.Erf(),
        ["Clamp"] = x => x.Clamp(-0.5, 0.4),
        ["ClampMin"] = x => x.ClampMin(0.1),
        ["PowScalar"] = x => x.Pow(3),
        ["MulScalar"] = x => x * 2.5,
        ["AddScalar"] = x => 1.5 + x,
        ["SubtractFrom"] = x => 2.0 - x,
        ["Negate"] = x => -x,
        ["RemainderScalar"] = x => x.Remainder(0.7),
    };

    // Operations defined for positive inputs only.
    private static readonly Dictionary<string, Func<Tensor, Tensor>> PositiveUnaryOps = new()
    {
        ["Sqrt"] = x => x.Sqrt(),
        ["Rsqrt"] = x => x.Rsqrt(),
        ["Log"] = x => x.Log(),
        ["Log1p"] = x => x.Log1p(),
        ["Reciprocal"] = x => x.Reciprocal(),
        ["DivideInto"] = x => 3.0 / x,
        ["PowerOf"] = x => x.PowerOf(2.0),
        ["PowFractional"] = x => x.Pow(1.5),
    };

    private static readonly Dictionary<string, Func<Tensor, Tensor, Tensor>> BinaryOps = new()
    {
        ["Add"] = (a, b) => a + b,
        ["Sub"] = (a, b) => a - b,
        ["Mul"] = (a, b) => a * b,
        ["Maximum"] = (a, b) => a.Maximum(b),
        ["Minimum"] = (a, b) => a.Minimum(b),
        ["Atan2"] = (a, b) => a.Atan2(b),
        ["Lerp"] = (a, b) => a.Lerp(b, 0.3),
        ["WhereGreater"] = (a, b) => Tensor.Where(a.Gt(b), a * 2, b * 3),
        ["MaskedFill"] = (a, b) => (a * b).MaskedFill(a.Lt(0), 0.5),
    };

    public static TheoryData<string> UnaryNames => [.. UnaryOps.Keys];

    public static TheoryData<string> PositiveUnaryNames => [.. PositiveUnaryOps.Keys];

    public static TheoryData<string> BinaryNames => [.. BinaryOps.Keys];

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void Unary_gradient_matches_finite_differences(string name)
    {
        using var x = GradCheck.Random(1, [3, 4], -2, 2);
        GradCheck.Check(t => UnaryOps[name](t[0]), [x]);
    }

    [Theory]
    [MemberData(nameof(PositiveUnaryNames))]
    public void Unary_gradient_on_positive_inputs_matches_finite_differences(string name)
    {
        using var x = GradCheck.Random(2, [3, 4], 0.5, 2);
        GradCheck.Check(t => PositiveUnaryOps[name](t[0]), [x]);
    }

    [Theory]
    [MemberData(nameof(BinaryNames))]
    public void Binary_gradient_matches_finite_differences_for_both_operands(string name)
    {
        using var a = GradCheck.Random(3, [2, 3]);
        using var b = GradCheck.Random(4, [2, 3]);
        GradCheck.Check(t => BinaryOps[name](t[0], t[1]), [a, b]);
    }

    [Fact]
    public void Division_gradient_matches_finite_differences()
    {
        using var a = GradCheck.Random(5, [2, 3]);
        using var b = GradCheck.Random(6, [2, 3], 0.5, 2);
        GradCheck.Check(t => t[0] / t[1], [a, b]);
    }

    [Fact]
    public void Tensor_power_gradient_matches_finite_differences_for_base_and_exponent()
    {
        using var a = GradCheck.Random(7, [5], 0.5, 2);
        using var b = GradCheck.Random(8, [5], -1, 2);
        GradCheck.Check(t => t[0].Pow(t[1]), [a, b]);
    }

    [Fact]
    public void Tensor_remainder_gradient_matches_finite_differences()
    {
        using var a = GradCheck.Random(9, [6], 0, 3);
        using var b = GradCheck.Random(10, [6], 0.7, 1.3);
        GradCheck.Check(t => t[0].Remainder(t[1]), [a, b]);
    }

    [Fact]
    public void Broadcast_binary_gradient_sums_over_the_broadcast_dimension()
    {
        using var a = GradCheck.Random(11, [3, 4]);
        using var b = GradCheck.Random(12, [4]);
        GradCheck.Check(t => t[0] * t[1] + t[1], [a, b]);
    }

    [Fact]
    public void Matmul_and_bmm_gradients_match_finite_differences()
    {
        using var a = GradCheck.Random(13, [2, 3, 4]);
        using var b = GradCheck.Random(14, [2, 4, 2]);
        GradCheck.Check(t => t[0].MatMul(t[1]), [a, b]);
        GradCheck.Check(t => t[0].Bmm(t[1]), [a, b]);
    }

    [Fact]
    public void Einsum_gradient_matches_finite_differences()
    {
        using var a = GradCheck.Random(15, [2, 3]);
        using var b = GradCheck.Random(16, [3, 4]);
        GradCheck.Check(t => Tensor.Einsum("ij,jk->ik", t[0], t[1]), [a, b]);
    }
}
