using System.Globalization;
using Edge.Trainer.Training;

namespace Edge.Trainer.Reporting;

/// <summary>The texts both displays share: loss terms, codebook usage and durations.</summary>
public static class ProgressText
{
    /// <summary>"loss 0.1234  recon 0.0123  vq 0.0045  budget 0.6789  perplexity 12.3 4.5 6.7"; the prior has its loss only.</summary>
    public static string Terms(TrainingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.Phase == CheckpointState.PriorPhase)
        {
            return string.Create(CultureInfo.InvariantCulture, $"loss {progress.Loss:F4}");
        }
        var perplexity = string.Join(" ", progress.Perplexity.Select(x => x.ToString("F1", CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture,
            $"loss {progress.Loss:F4}  recon {progress.Reconstruction:F4}  vq {progress.Vq:F4}  budget {progress.Budget:F4}  perplexity {perplexity}");
    }

    /// <summary>"45s", "3m05s", "2h07m".</summary>
    public static string Duration(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, Math.Round(seconds)));
        return t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes:D2}m")
            : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}m{t.Seconds:D2}s")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Seconds}s");
    }
}
