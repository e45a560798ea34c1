namespace Edge.Torch.Modules;

/// <summary>Element-wise logistic function, as a layer (nn.Sigmoid).</summary>
public sealed class Sigmoid : Layer
{
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Sigmoid();
    }
}
