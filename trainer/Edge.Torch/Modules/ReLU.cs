namespace Edge.Torch.Modules;

/// <summary>Element-wise rectified linear unit, max(0, x), as a layer (nn.ReLU).</summary>
public sealed class ReLU : Layer
{
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Relu();
    }
}
