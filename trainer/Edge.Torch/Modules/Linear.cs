namespace Edge.Torch.Modules;

/// <summary>y = x Wᵀ + b with weight (out, in) and bias (out), initialised as PyTorch's nn.Linear.</summary>
public sealed class Linear : Layer
{
    public Linear(long inFeatures, long outFeatures, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Initialization.UniformFanIn([outFeatures, inFeatures], inFeatures));
        if (bias)
        {
            Bias = RegisterParameter("bias", Initialization.UniformFanIn([outFeatures], inFeatures));
        }
    }

    public long InFeatures { get; }

    public long OutFeatures { get; }

    public Tensor Weight { get; }

    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);
}
