namespace Edge.Trainer.Training;

/// <summary>Why <see cref="PvqaeTrainer.Train"/> returned.</summary>
public enum TrainingStop
{
    /// <summary>Both phases ran all their steps.</summary>
    Finished,

    /// <summary><see cref="TrainingOptions.MaxMinutes"/> cut a phase short; the models are usable, a checkpoint says where it stopped.</summary>
    TimeBudget,

    /// <summary>The cancellation token stopped training at the end of a step; a checkpoint says where, to resume from.</summary>
    Cancelled,
}
