using Edge.Torch;
using Edge.Torch.Modules;

namespace Edge.Trainer.Model;

/// <summary>
/// The optional patch discriminator (METHOD.md section 2's L_GAN): three convolutions giving one real-or-reconstructed
/// logit per patch of the image, so the adversarial term pushes local texture, not the whole picture. It is used in
/// training only and never exported.
/// </summary>
public sealed class PatchDiscriminator : Module
{
    private readonly Conv2d _first;
    private readonly Conv2d _second;
    private readonly Conv2d _logits;

    public PatchDiscriminator(int channels, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        _first = RegisterModule("conv1", new Conv2d(channels, width, 4, stride: 2, padding: 1));
        _second = RegisterModule("conv2", new Conv2d(width, width * 2, 4, stride: 2, padding: 1));
        _logits = RegisterModule("logits", new Conv2d(width * 2, 1, 3, padding: 1));
    }

    /// <summary>Patch logits [N, 1, S/4, S/4] for images [N, C, S, S]; high means "looks real".</summary>
    public Tensor Forward(Tensor images)
    {
        using var scope = DisposeScope.Open();
        var x = Activation.Apply(_first.Forward(images));
        x = Activation.Apply(_second.Forward(x));
        return _logits.Forward(x).MoveToOuterDisposeScope();
    }

    /// <summary>Hinge loss of the discriminator: real patches above +1, reconstructed ones below -1.</summary>
    public Tensor Loss(Tensor real, Tensor reconstructed)
    {
        using var scope = DisposeScope.Open();
        var onReal = (1.0 - Forward(real)).Relu().Mean();
        var onFake = (1.0 + Forward(reconstructed)).Relu().Mean();
        return (onReal + onFake).MoveToOuterDisposeScope();
    }

    /// <summary>The auto-encoder's adversarial term: minus the mean logit of its reconstructions.</summary>
    public Tensor GeneratorLoss(Tensor reconstructed)
    {
        using var scope = DisposeScope.Open();
        return (-Forward(reconstructed).Mean()).MoveToOuterDisposeScope();
    }
}
