namespace Edge.Torch.Optim.Schedules;

/// <summary>
/// Sets every group's learning rate to its initial value times the schedule's factor at the optimizer's
/// current step count. Call <see cref="Apply"/> before each <see cref="Optimizer.Step"/>; having no state of
/// its own, it resumes exactly from a checkpointed optimizer.
/// </summary>
public sealed class LearningRateScheduler
{
    public LearningRateScheduler(Optimizer optimizer, ILearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(schedule);
        Optimizer = optimizer;
        Schedule = schedule;
    }

    public Optimizer Optimizer { get; }

    public ILearningRateSchedule Schedule { get; }

    /// <summary>Sets the learning rates for the coming step and returns the factor used.</summary>
    public double Apply()
    {
        var factor = Schedule.Factor(Optimizer.StepCount);
        foreach (var group in Optimizer.Groups)
        {
            group.LearningRate = group.InitialLearningRate * factor;
        }
        return factor;
    }
}
