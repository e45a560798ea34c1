using System.Globalization;

namespace Edge.Trainer.Training.Guard;

/// <summary>
/// Watches the training loss step by step and says when it has left its trend: a loss that is not a finite number,
/// or one more than <see cref="SpikeFactor"/> times the median of the recent steps. The median, not the mean, so that
/// one noisy batch neither raises the bar nor trips it; the budget ramp makes the loss drift up slowly, which a
/// factor over the recent median allows.
/// </summary>
public sealed class DivergenceGuard
{
    private readonly Queue<double> _recent = new();
    private readonly double[] _sorted;

    /// <param name="spikeFactor">How many times the recent median a loss may reach (above 1).</param>
    /// <param name="window">Steps the median is taken over.</param>
    /// <param name="minimumHistory">Steps seen before a spike can be called (the first steps fall fast).</param>
    public DivergenceGuard(double spikeFactor, int window = 50, int minimumHistory = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(spikeFactor, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumHistory, window);
        SpikeFactor = spikeFactor;
        Window = window;
        MinimumHistory = minimumHistory;
        _sorted = new double[window];
    }

    public double SpikeFactor { get; }

    public int Window { get; }

    public int MinimumHistory { get; }

    /// <summary>Null while the loss is on its trend; otherwise why not, in a few words. A diverged loss is not added to the history.</summary>
    public string? Check(double loss)
    {
        if (!double.IsFinite(loss))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the loss is {loss}");
        }
        if (_recent.Count >= MinimumHistory)
        {
            var median = Median();
            if (loss > SpikeFactor * median)
            {
                return string.Create(CultureInfo.InvariantCulture, $"the loss jumped to {loss:G4}, {loss / median:F0}x the median {median:G4} of the last {_recent.Count} steps");
            }
        }
        _recent.Enqueue(loss);
        if (_recent.Count > Window)
        {
            _recent.Dequeue();
        }
        return null;
    }

    private double Median()
    {
        var n = _recent.Count;
        _recent.CopyTo(_sorted, 0);
        var values = _sorted.AsSpan(0, n);
        values.Sort();
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[(n / 2) - 1] + values[n / 2]);
    }
}
