using Edge.Torch;

namespace Edge.Torch.Tests;

public class PointwiseForwardTests
{
    private static readonly double[] Inputs = [-2.0, -0.5, 0.0, 0.7, 1.5];

    private static double[] Apply(Func<Tensor, Tensor> op)
    {
        using var scope = LibTorch.NewDisposeScope();
        return op(Tensor.FromArray(Inputs, [Inputs.Length])).ToDoubleArray();
    }

    private static double[] Map(Func<double, double> f) => Inputs.Select(f).ToArray();

    [Fact]
    public void Operators_compute_element_wise_arithmetic_with_tensors_and_scalars()
    {
        using var scope = LibTorch.NewDisposeScope();
        var a = Tensor.FromArray([1f, 2f, 3f], [3]);
        var b = Tensor.FromArray([4f, 5f, 6f], [3]);
        Assert.Equal([5f, 7f, 9f], (a + b).ToFloatArray());
        Assert.Equal([-3f, -3f, -3f], (a - b).ToFloatArray());
        Assert.Equal([4f, 10f, 18f], (a * b).ToFloatArray());
        Assert.Equal([0.25f, 0.4f, 0.5f], (a / b).ToFloatArray());
        Assert.Equal([3f, 4f, 5f], (a + 2).ToFloatArray());
        Assert.Equal([1f, 0f, -1f], (2 - a).ToFloatArray());
        Assert.Equal([6f, 3f, 2f], (6 / a).ToFloatArray());
        Assert.Equal([-1f, -2f, -3f], (-a).ToFloatArray());
        Assert.Equal([1f, 8f, 27f], a.Pow(3).ToFloatArray());
        Assert.Equal([2f, 4f, 8f], a.PowerOf(2).ToFloatArray());
    }

    [Fact]
    public void Integer_tensors_stay_integer_with_whole_scalars_and_promote_otherwise()
    {
        using var scope = LibTorch.NewDisposeScope();
        var counts = Tensor.FromArray([1L, 2L], [2]);
        Assert.Equal(ScalarType.Int64, (counts + 1).DType);
        Assert.Equal([2L, 3L], (counts + 1).ToInt64Array());
        Assert.Equal(ScalarType.Float32, (counts * 0.5).DType);
        Assert.Equal([0.5f, 1f], (counts * 0.5).ToFloatArray());
        counts.AddInPlace(3);
        Assert.Equal([4L, 5L], counts.ToInt64Array());
    }

    [Fact]
    public void Activations_match_their_formulas()
    {
        static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
        static double Softplus(double x) => Math.Log(1 + Math.Exp(x));
        Expect.Close(Map(x => Math.Max(0, x)), Apply(x => x.Relu()));
        Expect.Close(Map(Sigmoid), Apply(x => x.Sigmoid()));
        Expect.Close(Map(x => x * Sigmoid(x)), Apply(x => x.Silu()));
        Expect.Close(Map(Math.Tanh), Apply(x => x.Tanh()));
        Expect.Close(Map(x => x >= 0 ? x : 0.2 * x), Apply(x => x.LeakyRelu(0.2)));
        Expect.Close(Map(Softplus), Apply(x => x.Softplus()));
        Expect.Close(Map(x => x * Math.Tanh(Softplus(x))), Apply(x => x.Mish()));
        Expect.Close(Map(x => x > 0 ? x : Math.Exp(x) - 1), Apply(x => x.Elu()));
        Expect.Close(Map(x => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))), Apply(x => x.Gelu(tanhApproximation: true)));
    }

    [Fact]
    public void Exact_gelu_matches_known_values()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.FromArray([-1.0, 0.0, 1.0, 2.0], [4]);
        // x * Phi(x) with the standard normal CDF Phi.
        Expect.Close([-0.15865525393145707, 0.0, 0.8413447460685429, 1.9544997361036416], x.Gelu().ToDoubleArray(), 1e-12);
    }

    [Fact]
    public void Math_functions_match_dotnet()
    {
        Expect.Close(Map(Math.Abs), Apply(x => x.Abs()));
        Expect.Close(Map(Math.Exp), Apply(x => x.Exp()));
        Expect.Close(Map(x => Math.Exp(x) - 1), Apply(x => x.Expm1()));
        Expect.Close(Map(Math.Sin), Apply(x => x.Sin()));
        Expect.Close(Map(Math.Cos), Apply(x => x.Cos()));
        Expect.Close(Map(x => x * x), Apply(x => x.Square()));
        Expect.Close(Map(x => Math.Sqrt(Math.Abs(x) + 1)), Apply(x => (x.Abs() + 1).Sqrt()));
        Expect.Close(Map(x => Math.Log(Math.Abs(x) + 1)), Apply(x => (x.Abs() + 1).Log()));
        Expect.Close(Map(x => Math.Clamp(x, -1, 1)), Apply(x => x.Clamp(-1, 1)));
        Expect.Close(Map(x => Math.Max(x, 0.5)), Apply(x => x.ClampMin(0.5)));
        Expect.Close(Map(x => Math.Floor(x)), Apply(x => x.Floor()));
        Expect.Close(Map(x => Math.Sign(x)), Apply(x => x.Sign()));
    }

    [Fact]
    public void Comparisons_give_bool_tensors()
    {
        using var scope = LibTorch.NewDisposeScope();
        var a = Tensor.FromArray([1f, 2f, 3f], [3]);
        var b = Tensor.FromArray([3f, 2f, 1f], [3]);
        Assert.Equal(ScalarType.Bool, a.Gt(b).DType);
        Assert.Equal([false, false, true], a.Gt(b).ToBoolArray());
        Assert.Equal([false, true, false], a.Eq(b).ToBoolArray());
        Assert.Equal([true, true, false], a.Le(2).ToBoolArray());
        Assert.Equal([true, false, true], a.Ne(b).ToBoolArray());
        Assert.Equal([false, false, true], a.Gt(b).LogicalAnd(a.Ge(2)).ToBoolArray());
        Assert.Equal([true, true, false], a.Gt(b).LogicalNot().ToBoolArray());
    }

    [Fact]
    public void Where_and_masked_fill_pick_by_condition()
    {
        using var scope = LibTorch.NewDisposeScope();
        var a = Tensor.FromArray([1f, -2f, 3f], [3]);
        var zeros = a.ZerosLike();
        Assert.Equal([1f, 0f, 3f], Tensor.Where(a.Gt(0), a, zeros).ToFloatArray());
        Assert.Equal([1f, 9f, 3f], a.MaskedFill(a.Lt(0), 9).ToFloatArray());
    }

    [Fact]
    public void Matmul_bmm_and_einsum_compute_matrix_products()
    {
        using var scope = LibTorch.NewDisposeScope();
        var a = Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], [2, 3]);
        var b = Tensor.FromArray([7f, 8f, 9f, 10f, 11f, 12f], [3, 2]);
        Assert.Equal([58f, 64f, 139f, 154f], a.MatMul(b).ToFloatArray());
        Assert.Equal([58f, 64f, 139f, 154f], a.Unsqueeze(0).Bmm(b.Unsqueeze(0)).ToFloatArray());
        Assert.Equal([58f, 64f, 139f, 154f], Tensor.Einsum("ij,jk->ik", a, b).ToFloatArray());
        Assert.Equal([14f, 77f], Tensor.Einsum("ij,ij->i", a, a).ToFloatArray());
    }
}
