namespace Edge.Torch.Optim;

/// <summary>AdamW (torch.optim.AdamW): decoupled weight decay, p ← p · (1 - lr · decay), default decay 0.01.</summary>
public sealed class AdamW : Adam
{
    public AdamW(IEnumerable<KeyValuePair<string, Tensor>> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 1e-2)
        : base(parameters, learningRate, beta1, beta2, eps, weightDecay)
    {
    }

    public AdamW(IEnumerable<ParameterGroup> groups, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weightDecay = 1e-2)
        : base(groups, learningRate, beta1, beta2, eps, weightDecay)
    {
    }

    protected override bool DecoupledWeightDecay => true;
}
