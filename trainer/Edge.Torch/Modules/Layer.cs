namespace Edge.Torch.Modules;

/// <summary>A module with one tensor in and one tensor out, so layers can be chained (see <see cref="Sequential"/>).</summary>
public abstract class Layer : Module
{
    public abstract Tensor Forward(Tensor input);
}
