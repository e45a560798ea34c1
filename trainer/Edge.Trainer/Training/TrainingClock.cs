using System.Diagnostics;

namespace Edge.Trainer.Training;

/// <summary>Training time so far, including what a resumed run had already spent before its checkpoint.</summary>
internal sealed class TrainingClock(double earlierSeconds)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public double Seconds => earlierSeconds + _watch.Elapsed.TotalSeconds;
}
