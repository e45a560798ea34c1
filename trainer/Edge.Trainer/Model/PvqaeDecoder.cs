using Edge.Torch;
using Edge.Torch.Modules;
using F = Edge.Torch.Functional;

namespace Edge.Trainer.Model;

/// <summary>The three quantized levels mixed by a routing map at the finest grid, then decoded back to an image.</summary>
internal sealed class PvqaeDecoder : Module
{
    private readonly Conv2d _in, _up1, _up2, _out;
    private readonly Residual _res0, _res1;
    private readonly MultiheadAttention? _attention;

    public PvqaeDecoder(PvqaeConfig config)
    {
        int c = config.BaseWidth, d = config.EmbeddingDim;
        _in = RegisterModule("in", new Conv2d(d, 4 * c, 3, padding: 1));
        _res0 = RegisterModule("res0", new Residual(4 * c));
        if (config.Attention)
        {
            _attention = RegisterModule("attn", new MultiheadAttention(4 * c, config.AttentionHeads));
        }
        _up1 = RegisterModule("up1", new Conv2d(4 * c, 2 * c, 3, padding: 1));
        _res1 = RegisterModule("res1", new Residual(2 * c));
        _up2 = RegisterModule("up2", new Conv2d(2 * c, c, 3, padding: 1));
        _out = RegisterModule("out", new Conv2d(c, config.ImageChannels, 3, padding: 1));
    }

    /// <param name="quantized">Levels /4, /8, /16.</param>
    /// <param name="routing">[N, 3, S/16, S/16] weights per level (one-hot at inference).</param>
    public Tensor Forward(Tensor[] quantized, Tensor routing)
    {
        using var scope = DisposeScope.Open();
        var fine = F.Interpolate(routing, 4.0);
        Tensor? mixed = null;
        for (var level = 0; level < quantized.Length; level++)
        {
            var up = level == 0 ? quantized[0] : F.Interpolate(quantized[level], 1 << level);
            var term = up * fine.Slice(1, level, level + 1);
            mixed = mixed is null ? term : mixed + term;
        }
        var x = _res0.Forward(Activation.Apply(_in.Forward(mixed!)));
        if (_attention is not null)
        {
            x = SpatialAttention.Apply(_attention, x);
        }
        x = _res1.Forward(Activation.Apply(_up1.Forward(F.Interpolate(x, 2.0))));
        x = Activation.Apply(_up2.Forward(F.Interpolate(x, 2.0)));
        return _out.Forward(x).MoveToOuterDisposeScope();
    }
}
