using Edge.Torch.Native;

namespace Edge.Torch;

public static partial class Functional
{
    public static Tensor Relu(Tensor input) => Checked(input).Relu();

    public static Tensor Silu(Tensor input) => Checked(input).Silu();

    public static Tensor Gelu(Tensor input, bool tanhApproximation = false) => Checked(input).Gelu(tanhApproximation);

    public static Tensor LeakyRelu(Tensor input, double negativeSlope = 0.01) => Checked(input).LeakyRelu(negativeSlope);

    public static Tensor Tanh(Tensor input) => Checked(input).Tanh();

    public static Tensor Sigmoid(Tensor input) => Checked(input).Sigmoid();

    public static Tensor Softmax(Tensor input, long dim) => NativeResult.Tensor(Interop.Shim.edge_softmax(Checked(input).Handle, dim, 0));

    public static Tensor LogSoftmax(Tensor input, long dim) => NativeResult.Tensor(Interop.Shim.edge_softmax(Checked(input).Handle, dim, 1));

    /// <summary>Zeroes elements with probability p and scales the rest by 1 / (1 - p) when training; identity otherwise.</summary>
    public static Tensor Dropout(Tensor input, double p = 0.5, bool training = true) =>
        NativeResult.Tensor(Interop.Shim.edge_dropout(Checked(input).Handle, p, training ? 1 : 0));

    /// <summary>
    /// Samples from the Gumbel-softmax distribution over <paramref name="dim"/>: softmax((logits + g) / tau) with
    /// g = -log(-log(U)). With <paramref name="hard"/>, the result is the one-hot of its argmax in the forward
    /// pass while the gradient is that of the soft sample (straight-through).
    /// </summary>
    public static Tensor GumbelSoftmax(Tensor logits, double tau = 1, bool hard = false, long dim = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tau);
        using var uniform = Checked(logits).UniformLike(1e-10, 1);
        using var logUniform = uniform.Log();
        using var negLogUniform = -logUniform;
        using var inner = negLogUniform.Log();
        using var noisy = logits - inner;
        using var scaled = noisy / tau;
        var soft = Softmax(scaled, dim);
        if (!hard)
        {
            return soft;
        }
        using (soft)
        {
            using var index = soft.ArgMax(dim, keepDim: true);
            using var zeros = soft.ZerosLike();
            using var oneHot = zeros.Scatter(dim, index, 1.0);
            using var softDetached = soft.Detach();
            using var difference = oneHot - softDetached;
            return difference + soft;
        }
    }

    private static Tensor Checked(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor;
    }
}
