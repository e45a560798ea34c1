namespace Edge.Torch.Modules;

/// <summary>Group normalisation of (N, C, ...) with per-channel affine weight and bias (nn.GroupNorm).</summary>
public sealed class GroupNorm : Layer
{
    public GroupNorm(long groups, long channels, double eps = 1e-5, bool affine = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        if (channels % groups != 0)
        {
            throw new ArgumentException($"{channels} channels cannot be split into {groups} groups", nameof(groups));
        }
        Groups = groups;
        Channels = channels;
        Eps = eps;
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones([channels]));
            Bias = RegisterParameter("bias", Tensor.Zeros([channels]));
        }
    }

    public long Groups { get; }

    public long Channels { get; }

    public double Eps { get; }

    public Tensor? Weight { get; }

    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) => Functional.GroupNorm(input, Groups, Weight, Bias, Eps);
}
