namespace Edge.Torch.Optim;

/// <summary>
/// Named parameters that share a learning rate and weight decay (e.g. no decay for norms and biases).
/// <see cref="LearningRate"/> is what the next step uses; schedulers set it from <see cref="InitialLearningRate"/>.
/// </summary>
public sealed class ParameterGroup
{
    /// <param name="parameters">The tensors to optimise, by name (names key the optimizer state in checkpoints).</param>
    /// <param name="learningRate">This group's learning rate; null takes the optimizer's.</param>
    /// <param name="weightDecay">This group's weight decay; null takes the optimizer's.</param>
    public ParameterGroup(IEnumerable<KeyValuePair<string, Tensor>> parameters, double? learningRate = null, double? weightDecay = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToList();
        RequestedLearningRate = learningRate;
        RequestedWeightDecay = weightDecay;
    }

    public IReadOnlyList<KeyValuePair<string, Tensor>> Parameters { get; }

    public double LearningRate { get; set; }

    /// <summary>The learning rate the group started with; schedules scale it.</summary>
    public double InitialLearningRate { get; private set; }

    public double WeightDecay { get; set; }

    internal double? RequestedLearningRate { get; }

    internal double? RequestedWeightDecay { get; }

    internal void Initialise(double learningRate, double weightDecay)
    {
        LearningRate = RequestedLearningRate ?? learningRate;
        InitialLearningRate = LearningRate;
        WeightDecay = RequestedWeightDecay ?? weightDecay;
    }
}
