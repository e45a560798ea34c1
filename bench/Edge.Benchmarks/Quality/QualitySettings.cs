using System.Globalization;
using Edge.Trainer.Training;

namespace Edge.Benchmarks.Quality;

/// <summary>
/// The quality benchmark's options, from environment variables: <c>EDGE_QUALITY_PRESET</c> (tiny), <c>EDGE_QUALITY_MINUTES</c>
/// (each run's training budget, 4), <c>EDGE_QUALITY_SETS</c> (comma-separated, all by default), <c>EDGE_QUALITY_SEED</c> (1)
/// and <c>EDGE_QUALITY_DIR</c> (the scratch folder, <c>build/quality</c>). A bad value is an error naming its variable.
/// </summary>
internal sealed record QualitySettings(string Preset, double Minutes, IReadOnlyList<QualitySet> Sets, int Seed, string Folder)
{
    public const double DefaultMinutes = 4;

    public static QualitySettings FromEnvironment(string repositoryRoot)
    {
        var preset = Variable("EDGE_QUALITY_PRESET") ?? "tiny";
        if (!Presets.Names.Contains(preset))
        {
            throw new ArgumentException($"EDGE_QUALITY_PRESET must be one of {string.Join(", ", Presets.Names)} (got '{preset}').");
        }
        var minutesText = Variable("EDGE_QUALITY_MINUTES");
        var minutes = DefaultMinutes;
        if (minutesText is not null && (!double.TryParse(minutesText, NumberStyles.Float, CultureInfo.InvariantCulture, out minutes) || minutes is <= 0 or > 24 * 60 || double.IsNaN(minutes)))
        {
            throw new ArgumentException($"EDGE_QUALITY_MINUTES must be a number of minutes above 0 (got '{minutesText}').");
        }
        var seedText = Variable("EDGE_QUALITY_SEED");
        var seed = 1;
        if (seedText is not null && (!int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed) || seed < 0))
        {
            throw new ArgumentException($"EDGE_QUALITY_SEED must be a whole number 0 or above (got '{seedText}').");
        }
        var sets = QualitySet.All;
        if (Variable("EDGE_QUALITY_SETS") is { } names)
        {
            var wanted = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var unknown = wanted.Where(n => QualitySet.All.All(s => s.Name != n)).ToList();
            if (wanted.Length == 0 || unknown.Count > 0)
            {
                throw new ArgumentException($"EDGE_QUALITY_SETS names sets among {string.Join(", ", QualitySet.All.Select(s => s.Name))} (got '{names}').");
            }
            sets = QualitySet.All.Where(s => wanted.Contains(s.Name)).ToList();
        }
        var folder = Variable("EDGE_QUALITY_DIR") ?? Path.Combine(repositoryRoot, "build", "quality");
        return new QualitySettings(preset, minutes, sets, seed, Path.GetFullPath(folder));
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : null;
}
