using Edge.Torch;
using Edge.Torch.Modules;
using F = Edge.Torch.Functional;

namespace Edge.Trainer.Model;

/// <summary>
/// The dynamic routing module: every finer level average-pooled to the coarsest grid, concatenated, and a
/// one-hidden-layer MLP per cell (1x1 convolutions) giving one logit per level.
/// </summary>
internal sealed class Router : Module
{
    private readonly Conv2d _fc1;
    private readonly Conv2d _fc2;

    public Router(PvqaeConfig config)
    {
        _fc1 = RegisterModule("fc1", new Conv2d(config.Levels * config.EmbeddingDim, config.RoutingHidden, 1));
        _fc2 = RegisterModule("fc2", new Conv2d(config.RoutingHidden, config.Levels, 1));
    }

    public Tensor Forward(Tensor[] latents)
    {
        using var scope = DisposeScope.Open();
        var pooled = Tensor.Cat([F.AvgPool2d(latents[0], 4), F.AvgPool2d(latents[1], 2), latents[2]], 1);
        return _fc2.Forward(F.Relu(_fc1.Forward(pooled))).MoveToOuterDisposeScope();
    }
}
