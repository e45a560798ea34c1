namespace Edge.Torch.Modules;

/// <summary>PyTorch's default parameter initialisations, so models start from the same distributions.</summary>
public static class Initialization
{
    /// <summary>
    /// U(-1/√fanIn, 1/√fanIn): PyTorch's default for linear and convolution weights (kaiming_uniform with
    /// a = √5) and biases.
    /// </summary>
    public static Tensor UniformFanIn(ReadOnlySpan<long> shape, long fanIn)
    {
        var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        return Tensor.Empty(shape).UniformInPlace(-bound, bound);
    }

    /// <summary>Glorot/Xavier uniform: U(-a, a) with a = √(6 / (fanIn + fanOut)).</summary>
    public static Tensor XavierUniform(ReadOnlySpan<long> shape, long fanIn, long fanOut)
    {
        var bound = Math.Sqrt(6.0 / (fanIn + fanOut));
        return Tensor.Empty(shape).UniformInPlace(-bound, bound);
    }

    /// <summary>The fan-in of a weight as PyTorch computes it: size(1) times the product of the kernel sizes.</summary>
    public static long FanIn(ReadOnlySpan<long> weightShape)
    {
        var fanIn = weightShape.Length > 1 ? weightShape[1] : weightShape[0];
        for (var i = 2; i < weightShape.Length; i++)
        {
            fanIn *= weightShape[i];
        }
        return fanIn;
    }
}
