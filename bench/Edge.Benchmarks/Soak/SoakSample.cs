using System.Globalization;

namespace Edge.Benchmarks.Soak;

/// <summary>
/// One reading of the soaked agent: when, its resident set and the anonymous part of it (from /proc), managed heap and
/// frames scored (from /metrics).
/// </summary>
internal sealed record SoakSample(double Minutes, double ResidentBytes, double AnonymousBytes, double HeapBytes, double Frames)
{
    public const string CsvHeader = "minutes,resident_bytes,anonymous_bytes,managed_heap_bytes,frames";

    public static SoakSample Take(SoakAgent agent, TimeSpan elapsed)
    {
        var metrics = agent.Metrics();
        var (resident, anonymous) = agent.ResidentBytes();
        return new SoakSample(
            elapsed.TotalMinutes,
            resident,
            anonymous,
            metrics.GetValueOrDefault("edge_agent_managed_heap_bytes", double.NaN),
            metrics.GetValueOrDefault("edge_camera_frames_total{camera=\"line1\"}", double.NaN));
    }

    /// <summary>
    /// The median of the samples in the <paramref name="width"/> minutes up to <paramref name="minutes"/> (at least the
    /// one sample nearest it), so one garbage collection's high or low does not make the figure.
    /// </summary>
    public static SoakSample Around(IReadOnlyList<SoakSample> samples, double minutes, double width)
    {
        var window = samples.Where(s => s.Minutes > minutes - width && s.Minutes <= minutes + 1e-6).ToList();
        if (window.Count == 0)
        {
            window = [samples.MinBy(s => Math.Abs(s.Minutes - minutes))!];
        }
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
        return new SoakSample(
            minutes, Median(window.Select(s => s.ResidentBytes)), Median(window.Select(s => s.AnonymousBytes)), Median(window.Select(s => s.HeapBytes)), Median(window.Select(s => s.Frames)));
    }

    public string ToCsv() => string.Create(CultureInfo.InvariantCulture, $"{Minutes:F2},{ResidentBytes:F0},{AnonymousBytes:F0},{HeapBytes:F0},{Frames:F0}");

    /// <summary>The resident set, its anonymous part and the managed heap, in MB.</summary>
    public string Memory() => string.Create(CultureInfo.InvariantCulture,
        $"{ResidentBytes / (1 << 20):F1} MB (anonymous {AnonymousBytes / (1 << 20):F1} MB, managed heap {HeapBytes / (1 << 20):F1} MB)");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"# soak {Minutes:F1} min: rss {Memory()}, {Frames:F0} frames");
}
