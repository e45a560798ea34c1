using Edge.Torch;
using Edge.Torch.Modules;
using F = Edge.Torch.Functional;

namespace Edge.Trainer.Model;

/// <summary>The activation every block uses (the exporter writes the same LeakyRelu).</summary>
internal static class Activation
{
    public const double Slope = 0.2;

    public static Tensor Apply(Tensor x) => F.LeakyRelu(x, Slope);
}

/// <summary>x + conv1x1(act(conv3x3(act(x)))).</summary>
internal sealed class Residual : Module
{
    private readonly Conv2d _conv1;
    private readonly Conv2d _conv2;

    public Residual(int width)
    {
        _conv1 = RegisterModule("conv1", new Conv2d(width, width, 3, padding: 1));
        _conv2 = RegisterModule("conv2", new Conv2d(width, width, 1));
    }

    public Tensor Forward(Tensor x) => x + _conv2.Forward(Activation.Apply(_conv1.Forward(Activation.Apply(x))));
}

/// <summary>A stride-2 4x4 convolution, the activation, and a residual block.</summary>
internal sealed class DownStage : Module
{
    private readonly Conv2d _conv;
    private readonly Residual _res;

    public DownStage(int input, int output)
    {
        _conv = RegisterModule("conv", new Conv2d(input, output, 4, stride: 2, padding: 1));
        _res = RegisterModule("res", new Residual(output));
    }

    public Tensor Forward(Tensor x) => _res.Forward(Activation.Apply(_conv.Forward(x)));
}

/// <summary>Residual self-attention over the cells of a [N, C, H, W] map.</summary>
internal sealed class SpatialAttention : Module
{
    private readonly MultiheadAttention _attention;

    public SpatialAttention(int width, int heads)
    {
        _attention = RegisterModule("attn", new MultiheadAttention(width, heads));
    }

    /// <summary>The attention layer itself, registered by the owner under its own name.</summary>
    public MultiheadAttention Layer => _attention;

    public static Tensor Apply(MultiheadAttention attention, Tensor x)
    {
        var shape = x.Shape;
        using var tokens = x.Reshape(shape[0], shape[1], shape[2] * shape[3]).Transpose(1, 2);
        using var attended = attention.Forward(tokens);
        using var back = attended.Transpose(1, 2).Reshape(shape);
        return x + back;
    }
}
