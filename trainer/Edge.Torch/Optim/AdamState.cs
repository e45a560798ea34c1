namespace Edge.Torch.Optim;

/// <summary>Adam's per-parameter state: first and second moment estimates and the parameter's own step count.</summary>
internal sealed class AdamState : IDisposable
{
    public AdamState(Tensor expAvg, Tensor expAvgSq, long step)
    {
        ExpAvg = expAvg.DetachFromDisposeScope();
        ExpAvgSq = expAvgSq.DetachFromDisposeScope();
        Step = step;
    }

    public Tensor ExpAvg { get; }

    public Tensor ExpAvgSq { get; }

    /// <summary>Updates applied to this parameter so far (PyTorch keeps one count per parameter).</summary>
    public long Step { get; set; }

    public void Dispose()
    {
        ExpAvg.Dispose();
        ExpAvgSq.Dispose();
    }
}
