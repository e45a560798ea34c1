namespace Edge.Torch.Modules;

/// <summary>Flattens dimensions <see cref="StartDim"/> to <see cref="EndDim"/> into one (nn.Flatten; by default all but the batch).</summary>
public sealed class Flatten : Layer
{
    public Flatten(long startDim = 1, long endDim = -1)
    {
        StartDim = startDim;
        EndDim = endDim;
    }

    public long StartDim { get; }

    public long EndDim { get; }

    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Flatten(StartDim, EndDim);
    }
}
