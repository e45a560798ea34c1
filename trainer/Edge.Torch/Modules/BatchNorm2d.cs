namespace Edge.Torch.Modules;

/// <summary>
/// Batch normalisation of (N, C, H, W) (nn.BatchNorm2d). Training mode normalises with the batch statistics
/// and updates the running_mean / running_var buffers; eval mode uses the running statistics.
/// </summary>
public sealed class BatchNorm2d : Layer
{
    public BatchNorm2d(long features, double eps = 1e-5, double momentum = 0.1, bool affine = true, bool trackRunningStats = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        Features = features;
        Eps = eps;
        Momentum = momentum;
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones([features]));
            Bias = RegisterParameter("bias", Tensor.Zeros([features]));
        }
        if (trackRunningStats)
        {
            RunningMean = RegisterBuffer("running_mean", Tensor.Zeros([features]));
            RunningVar = RegisterBuffer("running_var", Tensor.Ones([features]));
            BatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Zeros([], ScalarType.Int64));
        }
    }

    public long Features { get; }

    public double Eps { get; }

    public double Momentum { get; }

    public Tensor? Weight { get; }

    public Tensor? Bias { get; }

    public Tensor? RunningMean { get; }

    public Tensor? RunningVar { get; }

    /// <summary>Training batches seen (int64), as PyTorch's num_batches_tracked.</summary>
    public Tensor? BatchesTracked { get; }

    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim != 4)
        {
            throw new ArgumentException($"BatchNorm2d expects an (N, C, H, W) input, got {input.Dim} dimensions", nameof(input));
        }
        var useBatchStatistics = IsTraining || RunningMean is null;
        if (IsTraining && BatchesTracked is not null)
        {
            using var noGrad = LibTorch.NoGrad();
            BatchesTracked.AddInPlace(1);
        }
        return Functional.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, useBatchStatistics, Momentum, Eps);
    }
}
