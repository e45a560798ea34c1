using Edge.Torch;
using Edge.Torch.Modules;
using F = Edge.Torch.Functional;

namespace Edge.Trainer.Model;

/// <summary>
/// The normal budget prior (METHOD.md section 2): a one-block transformer over the routing tokens of the coarsest
/// grid, with a CLS token per product class, trained to predict a masked token from all the others. Parameter names
/// are <see cref="ModelLayout.PriorParameters"/> without the "prior." prefix.
/// </summary>
public sealed class BudgetPrior : Module
{
    private readonly PvqaeConfig _config;
    private readonly Embedding _tokens, _classes, _positions;
    private readonly TransformerBlock _block;
    private readonly LayerNorm _finalNorm;
    private readonly Linear _head;

    public BudgetPrior(PvqaeConfig config)
    {
        config.Validate();
        _config = config;
        int p = config.PriorWidth;
        _tokens = RegisterModule("tokens", new Embedding(config.Levels + 1, p));
        _classes = RegisterModule("classes", new Embedding(config.ClassCount, p));
        _positions = RegisterModule("pos", new Embedding(config.TokenCount + 1, p));
        _block = RegisterModule("block", new TransformerBlock(p, config.PriorHeads));
        _finalNorm = RegisterModule("ln_f", new LayerNorm(p));
        _head = RegisterModule("head", new Linear(p, config.Levels));
    }

    /// <summary>The token id that stands for "masked".</summary>
    public long MaskToken => _config.Levels;

    /// <summary>Logits over levels at every position, [N, T, levels], for token sequences [N, T] (some masked).</summary>
    public Tensor Forward(Tensor tokens, Tensor classIds)
    {
        using var scope = DisposeScope.Open();
        var n = tokens.Size(0);
        // A universal prior reads every class as the first: its one CLS token (the export copies it to every class).
        using var universal = _config.UniversalPrior ? classIds.ZerosLike() : null;
        var cls = _classes.Forward(universal ?? classIds).Unsqueeze(1);
        var x = Tensor.Cat([cls, _tokens.Forward(tokens)], 1) + _positions.Weight.Unsqueeze(0);
        x = _block.Forward(x);
        var logits = _head.Forward(_finalNorm.Forward(x));
        return logits.Slice(1, 1, _config.TokenCount + 1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The prior's distribution at every position with that position masked (each masked in turn; the T copies go
    /// through as one batch), [N, T, levels]: what budget_prior.onnx computes.
    /// </summary>
    public Tensor Predict(Tensor tokens, Tensor classIds)
    {
        using var scope = DisposeScope.Open();
        long n = tokens.Size(0), t = _config.TokenCount;
        var copies = tokens.Unsqueeze(1).Expand(n, t, t);
        using var eye = Tensor.Eye(t, device: tokens.Device).Gt(0.5);
        var masked = Tensor.Where(eye.Unsqueeze(0), Tensor.Scalar(MaskToken, ScalarType.Int64, tokens.Device), copies).Reshape(n * t, t);
        var repeatedClasses = classIds.Unsqueeze(1).Expand(n, t).Reshape(n * t);
        var logits = Forward(masked, repeatedClasses).Reshape(n, t, t, _config.Levels);
        var picked = (logits * eye.Float().Unsqueeze(0).Unsqueeze(3)).Sum(2);
        return F.Softmax(picked, -1).MoveToOuterDisposeScope();
    }

    private sealed class TransformerBlock : Module
    {
        private readonly LayerNorm _ln1, _ln2;
        private readonly MultiheadAttention _attention;
        private readonly Mlp _mlp;

        public TransformerBlock(int width, int heads)
        {
            _ln1 = RegisterModule("ln1", new LayerNorm(width));
            _attention = RegisterModule("attn", new MultiheadAttention(width, heads));
            _ln2 = RegisterModule("ln2", new LayerNorm(width));
            _mlp = RegisterModule("mlp", new Mlp(width));
        }

        public Tensor Forward(Tensor x)
        {
            using var scope = DisposeScope.Open();
            var h = x + _attention.Forward(_ln1.Forward(x));
            return (h + _mlp.Forward(_ln2.Forward(h))).MoveToOuterDisposeScope();
        }
    }

    private sealed class Mlp : Module
    {
        private readonly Linear _fc1, _fc2;

        public Mlp(int width)
        {
            _fc1 = RegisterModule("fc1", new Linear(width, 4 * width));
            _fc2 = RegisterModule("fc2", new Linear(4 * width, width));
        }

        public Tensor Forward(Tensor x)
        {
            using var scope = DisposeScope.Open();
            return _fc2.Forward(F.Gelu(_fc1.Forward(x))).MoveToOuterDisposeScope();
        }
    }
}
