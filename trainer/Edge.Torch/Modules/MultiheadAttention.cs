namespace Edge.Torch.Modules;

/// <summary>
/// Multi-head attention over batch-first (N, L, E) sequences, with PyTorch's nn.MultiheadAttention parameter
/// names and layout: in_proj_weight (3E, E) stacking the query, key and value projections, in_proj_bias (3E),
/// and out_proj (a Linear). Masks follow nn.MultiheadAttention: a bool mask is true where attention is NOT
/// allowed; a float mask is added to the scores.
/// </summary>
public sealed class MultiheadAttention : Layer
{
    public MultiheadAttention(long embedDim, long numHeads, double dropout = 0, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numHeads);
        if (embedDim % numHeads != 0)
        {
            throw new ArgumentException($"embedding size {embedDim} is not divisible by {numHeads} heads", nameof(numHeads));
        }
        EmbedDim = embedDim;
        NumHeads = numHeads;
        Dropout = dropout;
        InProjWeight = RegisterParameter("in_proj_weight", Initialization.XavierUniform([3 * embedDim, embedDim], embedDim, 3 * embedDim));
        if (bias)
        {
            InProjBias = RegisterParameter("in_proj_bias", Tensor.Zeros([3 * embedDim]));
        }
        OutProj = RegisterModule("out_proj", new Linear(embedDim, embedDim, bias));
        if (OutProj.Bias is { } outBias)
        {
            using var noGrad = LibTorch.NoGrad();
            outBias.ZeroInPlace();
        }
    }

    public long EmbedDim { get; }

    public long NumHeads { get; }

    public double Dropout { get; }

    public Tensor InProjWeight { get; }

    public Tensor? InProjBias { get; }

    public Linear OutProj { get; }

    /// <summary>Self-attention: query, key and value are all <paramref name="input"/>.</summary>
    public override Tensor Forward(Tensor input) => Forward(input, input, input);

    /// <param name="query">(N, L, E).</param>
    /// <param name="key">(N, S, E).</param>
    /// <param name="value">(N, S, E).</param>
    /// <param name="attentionMask">(L, S) or (N·heads, L, S); bool true = blocked, float = added.</param>
    /// <param name="keyPaddingMask">(N, S) bool, true = that key is padding and ignored.</param>
    /// <param name="isCausal">Blocks attention to later positions.</param>
    public Tensor Forward(Tensor query, Tensor key, Tensor value, Tensor? attentionMask = null, Tensor? keyPaddingMask = null, bool isCausal = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        using var scope = LibTorch.NewDisposeScope();
        var batch = query.Size(0);
        var targetLength = query.Size(1);
        var q = Heads(Project(query, 0), batch);
        var k = Heads(Project(key, 1), batch);
        var v = Heads(Project(value, 2), batch);
        var mask = CombinedMask(attentionMask, keyPaddingMask, batch, targetLength, key.Size(1), q.DType);
        if (isCausal && mask is not null)
        {
            // Both a mask and causality: fold the causal block into the additive mask.
            var blocked = Tensor.Ones([targetLength, key.Size(1)], ScalarType.Bool).Tril().LogicalNot();
            mask = mask.MaskedFill(blocked, double.NegativeInfinity);
        }
        var attended = Functional.ScaledDotProductAttention(q, k, v, mask, IsTraining ? Dropout : 0, isCausal && mask is null);
        var merged = attended.Transpose(1, 2).Reshape(batch, targetLength, EmbedDim);
        return OutProj.Forward(merged).MoveToOuterDisposeScope();
    }

    private Tensor Project(Tensor input, int which)
    {
        var weight = InProjWeight.Narrow(0, which * EmbedDim, EmbedDim);
        var bias = InProjBias?.Narrow(0, which * EmbedDim, EmbedDim);
        return Functional.Linear(input, weight, bias);
    }

    // (N, L, E) -> (N, heads, L, E / heads)
    private Tensor Heads(Tensor projected, long batch) =>
        projected.Reshape(batch, -1, NumHeads, EmbedDim / NumHeads).Transpose(1, 2);

    // One additive float mask (N, heads, L, S) from PyTorch-style masks, or null when there is none.
    private Tensor? CombinedMask(Tensor? attentionMask, Tensor? keyPaddingMask, long batch, long targetLength, long sourceLength, ScalarType type)
    {
        if (attentionMask is null && keyPaddingMask is null)
        {
            return null;
        }
        var mask = Tensor.Zeros([batch, NumHeads, targetLength, sourceLength], type);
        if (attentionMask is not null)
        {
            var shaped = attentionMask.Dim == 3 ? attentionMask.Reshape(batch, NumHeads, targetLength, sourceLength) : attentionMask;
            mask = attentionMask.DType == ScalarType.Bool ? mask.MaskedFill(shaped, double.NegativeInfinity) : mask + shaped;
        }
        if (keyPaddingMask is not null)
        {
            mask = mask.MaskedFill(keyPaddingMask.Reshape(batch, 1, 1, sourceLength), double.NegativeInfinity);
        }
        return mask;
    }
}
