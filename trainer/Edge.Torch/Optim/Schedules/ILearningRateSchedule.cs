namespace Edge.Torch.Optim.Schedules;

/// <summary>A learning-rate multiplier as a pure function of the number of optimizer steps taken (so resuming is exact).</summary>
public interface ILearningRateSchedule
{
    /// <summary>The factor applied to each group's initial learning rate for the step after <paramref name="stepsTaken"/> steps.</summary>
    double Factor(long stepsTaken);
}
