using Edge.Agent.Configuration;
using Edge.Agent.Updates.Download;
using Edge.Testing;

namespace Edge.Agent.Tests.Updates;

/// <summary>The staging folder's bound on real files: downloads left by earlier installs do not pile up forever.</summary>
public sealed class StagingBoundsTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempFolder _temp = new();

    private string Staging => _temp.File("staging");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Beyond_the_count_the_oldest_downloads_go_first_with_their_chunk_records_and_the_one_starting_stays()
    {
        for (var i = 0; i < 6; i++)
        {
            Leave(Sha(i), ".zip.part", 1000, Start.AddDays(i));
        }
        Leave(Sha(1), ".chunks", 20, Start.AddDays(1));
        Leave(Sha(9), ".zip.part", 500, Start.AddDays(-30));

        var removed = StagingBounds.Apply(Staging, Sha(9), 1000, new StagingLimits(MaxDownloads: 3, MaxBytes: 1 << 30));

        Assert.Equal([Sha(0), Sha(1), Sha(2), Sha(3)], removed);
        Assert.Equal(
            [Sha(4) + ".zip.part", Sha(5) + ".zip.part", Sha(9) + ".zip.part"],
            Directory.EnumerateFiles(Staging).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Beyond_the_bytes_the_oldest_downloads_go_first_until_the_others_and_the_new_one_fit()
    {
        Leave(Sha(0), ".zip.part", 4000, Start);
        Leave(Sha(1), ".zip", 3000, Start.AddHours(1));
        Leave(Sha(2), ".zip.part", 2000, Start.AddHours(2));
        Directory.CreateDirectory(Path.Combine(Staging, "extract-" + Sha(3)));

        // 10,000 bytes allowed, the new download will have 6,000: the others may keep 4,000.
        var removed = StagingBounds.Apply(Staging, Sha(7), 6000, new StagingLimits(MaxDownloads: 100, MaxBytes: 10_000));

        Assert.Equal([Sha(0), Sha(1)], removed);
        Assert.True(File.Exists(Path.Combine(Staging, Sha(2) + ".zip.part")));
        Assert.True(Directory.Exists(Path.Combine(Staging, "extract-" + Sha(3))));
    }

    [Fact]
    public void A_missing_staging_folder_is_nothing_to_remove()
    {
        Assert.Empty(StagingBounds.Apply(Staging, Sha(1), null, new StagingLimits(1, 1)));
    }

    [Fact]
    public void The_limits_are_read_from_updates_with_defaults_and_ranges()
    {
        static AgentConfig Parse(string updates) => ConfigFile.Parse(
            $$"""{ "site": "a", "device": "b", "mqtt": { "host": "h" }, "model": { "bundle": "/b" }, "updates": {{updates}} }""",
            "agent.json", new Dictionary<string, string>());

        var defaults = Parse("{}").Updates;
        var set = Parse("""{ "maxStagedDownloads": 2, "maxStagingMegabytes": 100 }""").Updates;
        var problems = Assert.Throws<ConfigException>(() => Parse("""{ "maxStagedDownloads": 0, "maxStagingMegabytes": -1 }""")).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal((4, 2048.0), (defaults.MaxStagedDownloads, defaults.MaxStagingMegabytes));
        Assert.Equal((2, 100.0), (set.MaxStagedDownloads, set.MaxStagingMegabytes));
        Assert.Contains(problems, p => p.Contains("$.updates.maxStagedDownloads", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("$.updates.maxStagingMegabytes", StringComparison.Ordinal));
    }

    private static string Sha(int i) => new((char)('a' + i), 64);

    private void Leave(string sha, string suffix, int bytes, DateTime writtenUtc)
    {
        Directory.CreateDirectory(Staging);
        var path = Path.Combine(Staging, sha + suffix);
        File.WriteAllBytes(path, new byte[bytes]);
        File.SetLastWriteTimeUtc(path, writtenUtc);
    }
}
