using Edge.Torch;
using Edge.Torch.Modules;

namespace Edge.Torch.Tests;

/// <summary>A small conv / norm / activation / pool classifier used by the module, training and checkpoint tests.</summary>
internal sealed class TinyConvNet : Layer
{
    public TinyConvNet(long classes = 2)
    {
        Features = RegisterModule("features", new Sequential(
            new Conv2d(1, 4, 3, padding: 1),
            new GroupNorm(2, 4),
            new SiLU(),
            Pooling.MaxPool2d(2),
            new Conv2d(4, 8, 3, padding: 1),
            new BatchNorm2d(8),
            new ReLU(),
            new AdaptiveAvgPool(1, 1)));
        Head = RegisterModule("head", new Linear(8, classes));
    }

    public Sequential Features { get; }

    public Linear Head { get; }

    public override Tensor Forward(Tensor input)
    {
        using var features = Features.Forward(input);
        using var flat = features.Flatten(1);
        return Head.Forward(flat);
    }
}
