using Edge.Torch;
using Edge.Torch.Modules;
using F = Edge.Torch.Functional;

namespace Edge.Trainer.Model;

/// <summary>
/// One level's codebook (METHOD.md section 1): nearest code per latent cell by ||z||^2 - 2 z.q + ||q||^2, the VQ loss
/// ||sg[z] - q||^2 + beta ||z - sg[q]||^2, the straight-through estimator z + sg[q - z], and usage counts so that dead
/// codes can be re-seeded from recent encoder outputs.
/// </summary>
internal sealed class VectorQuantizer : Module
{
    private readonly int _size;
    private readonly int _dim;
    private readonly long[] _usage;

    private readonly bool _normalized;

    /// <param name="normalized">Codes are used L2-normalized (the latents they meet are normalized by the encoder).</param>
    public VectorQuantizer(int size, int dim, bool normalized = false)
    {
        _normalized = normalized;
        _size = size;
        _dim = dim;
        _usage = new long[size];
        Codes = RegisterParameter("codes", Tensor.Uniform([size, dim], -1.0 / size, 1.0 / size));
    }

    public Tensor Codes { get; }

    /// <summary>Codes used since the last <see cref="ResetUsage"/>, per code.</summary>
    public IReadOnlyList<long> Usage => _usage;

    public sealed record Result(Tensor Quantized, Tensor StraightThrough, Tensor Loss, Tensor Indices, Tensor Distances);

    public Result Forward(Tensor z, double beta, bool trackUsage)
    {
        var shape = z.Shape; // [N, D, H, W]
        using var scope = DisposeScope.Open();
        var flat = z.Permute(0, 2, 3, 1).Reshape(-1, _dim);
        var codes = _normalized ? UnitSphere.Normalize(Codes, 1) : Codes;
        var distances = flat.Square().Sum(1, keepDim: true) - flat.MatMul(codes.Transpose(0, 1)) * 2.0 + codes.Square().Sum(1).Unsqueeze(0);
        var indices = distances.ArgMin(1);
        var quantized = F.Embedding(indices, codes).Reshape(shape[0], shape[2], shape[3], _dim).Permute(0, 3, 1, 2);
        var codebookLoss = F.MseLoss(quantized, z.Detach());
        var commitment = F.MseLoss(z, quantized.Detach());
        var loss = codebookLoss + commitment * beta;
        var straightThrough = z + (quantized - z).Detach();
        var nearest = distances.Amin([1]).ClampMin(0).Reshape(shape[0], shape[2], shape[3]);
        if (trackUsage)
        {
            using var noGrad = LibTorch.NoGrad();
            foreach (var index in indices.ToInt64Array())
            {
                _usage[index]++;
            }
        }
        return new Result(
            quantized.MoveToOuterDisposeScope(), straightThrough.MoveToOuterDisposeScope(), loss.MoveToOuterDisposeScope(),
            indices.Reshape(shape[0], shape[2], shape[3]).MoveToOuterDisposeScope(), nearest.MoveToOuterDisposeScope());
    }

    /// <summary>Perplexity of the code usage since the last reset: exp(entropy), from 1 (one code) to the codebook size.</summary>
    public double Perplexity()
    {
        var total = _usage.Sum();
        if (total == 0)
        {
            return 0;
        }
        var entropy = 0.0;
        foreach (var count in _usage)
        {
            if (count > 0)
            {
                var p = (double)count / total;
                entropy -= p * Math.Log(p);
            }
        }
        return Math.Exp(entropy);
    }

    /// <summary>Replaces every code unused since the last reset with a random latent from <paramref name="z"/>; returns how many.</summary>
    public int ReseedDeadCodes(Tensor z, Random random)
    {
        var dead = Enumerable.Range(0, _size).Where(i => _usage[i] == 0).ToArray();
        if (dead.Length == 0)
        {
            return 0;
        }
        using var scope = DisposeScope.Open();
        using var noGrad = LibTorch.NoGrad();
        var flat = z.Detach().Permute(0, 2, 3, 1).Reshape(-1, _dim).Contiguous();
        var rows = flat.Size(0);
        var picks = Tensor.FromArray(dead.Select(_ => (long)random.Next((int)rows)).ToArray(), [dead.Length], flat.Device);
        var replacements = flat.IndexSelect(0, picks);
        var codes = Codes.ToFloatArray();
        var values = replacements.ToFloatArray();
        for (var i = 0; i < dead.Length; i++)
        {
            Array.Copy(values, i * _dim, codes, dead[i] * _dim, _dim);
        }
        Codes.CopyFromInPlace(Tensor.FromArray(codes, [_size, _dim], Codes.Device));
        return dead.Length;
    }

    public void ResetUsage() => Array.Clear(_usage);

    /// <exception cref="InvalidDataException"><paramref name="usage"/> has another length than the codebook.</exception>
    public void RestoreUsage(IReadOnlyList<long> usage)
    {
        if (usage.Count != _size)
        {
            throw new InvalidDataException($"The checkpoint counts usage of {usage.Count} codes; the codebook has {_size}.");
        }
        for (var i = 0; i < _size; i++)
        {
            _usage[i] = usage[i];
        }
    }
}
