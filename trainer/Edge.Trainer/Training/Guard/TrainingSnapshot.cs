using Edge.Torch;
using Edge.Torch.Modules;
using Edge.Torch.Optim;

namespace Edge.Trainer.Training.Guard;

/// <summary>
/// A copy, in memory, of a module's weights and its optimizer's state at one step: what training rolls back to when
/// it diverges, and the best weights it keeps. The copies live on the module's device and are freed by Dispose.
/// </summary>
internal sealed class TrainingSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _weights;
    private readonly Dictionary<string, Tensor> _optimizerState;
    private readonly IReadOnlyDictionary<string, string>? _optimizerSettings;
    private readonly long[][] _usage;

    private TrainingSnapshot(int step, Dictionary<string, Tensor> weights, Dictionary<string, Tensor> optimizerState,
        IReadOnlyDictionary<string, string>? optimizerSettings, long[][] usage)
    {
        Step = step;
        _weights = weights;
        _optimizerState = optimizerState;
        _optimizerSettings = optimizerSettings;
        _usage = usage;
    }

    /// <summary>The last finished step the snapshot holds.</summary>
    public int Step { get; }

    /// <param name="optimizer">Whose moments to keep too, for a state training continues from; null keeps the weights only (the best weights, which only end training).</param>
    public static TrainingSnapshot Take(int step, Model.Pvqae model, Optimizer? optimizer = null)
    {
        using var noGrad = LibTorch.NoGrad();
        var weights = model.NamedState().ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal);
        var state = optimizer is null
            ? new Dictionary<string, Tensor>(StringComparer.Ordinal)
            : optimizer.NamedState().ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal);
        return new TrainingSnapshot(step, weights, state, optimizer?.Settings(), model.Usage.Select(u => u.ToArray()).ToArray());
    }

    /// <summary>A copy that no dispose scope owns: snapshots outlive the training step that takes them.</summary>
    private static Tensor Copy(Tensor source)
    {
        using var detached = source.Detach();
        return detached.Clone().DetachFromDisposeScope();
    }

    /// <summary>Puts the weights back into <paramref name="model"/>, and the optimizer's moments when one is given.</summary>
    /// <exception cref="InvalidOperationException">An optimizer is given, but the snapshot was taken without one.</exception>
    public void Restore(Model.Pvqae model, Optimizer? optimizer)
    {
        using var noGrad = LibTorch.NoGrad();
        model.LoadState(_weights);
        model.RestoreUsage(_usage);
        if (optimizer is not null)
        {
            optimizer.LoadState(_optimizerState, _optimizerSettings ?? throw new InvalidOperationException("This snapshot holds weights only, no optimizer state."));
        }
    }

    public void Dispose()
    {
        foreach (var t in _weights.Values.Concat(_optimizerState.Values))
        {
            t.Dispose();
        }
    }
}
