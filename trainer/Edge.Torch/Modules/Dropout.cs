namespace Edge.Torch.Modules;

/// <summary>Zeroes elements with probability <see cref="Probability"/> in training mode; identity in eval mode (nn.Dropout).</summary>
public sealed class Dropout : Layer
{
    public Dropout(double probability = 0.5)
    {
        if (probability is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "dropout probability must be in [0, 1)");
        }
        Probability = probability;
    }

    public double Probability { get; }

    public override Tensor Forward(Tensor input) => Functional.Dropout(input, Probability, IsTraining);
}
