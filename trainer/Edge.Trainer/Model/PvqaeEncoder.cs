using Edge.Torch;
using Edge.Torch.Modules;

namespace Edge.Trainer.Model;

/// <summary>Image to the three levels' latents (/4, /8, /16), as trainer/MODEL.md lays out.</summary>
internal sealed class PvqaeEncoder : Module
{
    private readonly Conv2d _stem;
    private readonly DownStage _down1, _down2, _down3, _down4;
    private readonly MultiheadAttention? _attention;
    private readonly Conv2d _proj0, _proj1, _proj2;

    public PvqaeEncoder(PvqaeConfig config)
    {
        int c = config.BaseWidth, d = config.EmbeddingDim;
        Normalized = config.NormalizedCodes;
        _stem = RegisterModule("stem", new Conv2d(config.ImageChannels, c, 3, padding: 1));
        _down1 = RegisterModule("down1", new DownStage(c, 2 * c));
        _down2 = RegisterModule("down2", new DownStage(2 * c, 2 * c));
        _down3 = RegisterModule("down3", new DownStage(2 * c, 4 * c));
        _down4 = RegisterModule("down4", new DownStage(4 * c, 4 * c));
        if (config.Attention)
        {
            _attention = RegisterModule("attn", new MultiheadAttention(4 * c, config.AttentionHeads));
        }
        _proj0 = RegisterModule("proj0", new Conv2d(2 * c, d, 1));
        _proj1 = RegisterModule("proj1", new Conv2d(4 * c, d, 1));
        _proj2 = RegisterModule("proj2", new Conv2d(4 * c, d, 1));
    }

    private bool Normalized { get; }

    private Tensor Project(Conv2d projection, Tensor stage)
    {
        var latent = projection.Forward(stage);
        return Normalized ? UnitSphere.Normalize(latent, 1) : latent;
    }

    public Tensor[] Forward(Tensor image)
    {
        using var scope = DisposeScope.Open();
        var x = Activation.Apply(_stem.Forward(image));
        x = _down1.Forward(x);
        var s2 = _down2.Forward(x);
        var s3 = _down3.Forward(s2);
        var s4 = _down4.Forward(s3);
        if (_attention is not null)
        {
            s4 = SpatialAttention.Apply(_attention, s4);
        }
        return
        [
            Project(_proj0, s2).MoveToOuterDisposeScope(),
            Project(_proj1, s3).MoveToOuterDisposeScope(),
            Project(_proj2, s4).MoveToOuterDisposeScope(),
        ];
    }
}
