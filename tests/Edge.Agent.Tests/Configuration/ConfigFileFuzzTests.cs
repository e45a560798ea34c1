using System.Collections.Concurrent;
using CsCheck;
using Edge.Agent.Configuration;
using Edge.Agent.Tests.Support;

namespace Edge.Agent.Tests.Configuration;

/// <summary>
/// 10,000 generated agent.json files (<see cref="GeneratedConfigFiles"/>) through the config reader that check-config and
/// run use: none may throw anything but <see cref="ConfigException"/>, and each refusal lists its problems, each one
/// line with a path and a reason.
/// </summary>
public sealed class ConfigFileFuzzTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public void Ten_thousand_malformed_config_files_are_each_read_or_refused_with_one_line_reasons_and_nothing_else_is_thrown()
    {
        var refused = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var read = 0;

        GeneratedConfigFiles.Cases().Sample(sample =>
        {
            try
            {
                Assert.NotNull(ConfigFile.Parse(sample.Text, "agent.json", NoEnvironment));
                Interlocked.Increment(ref read);
            }
            catch (ConfigException e)
            {
                Assert.NotEmpty(e.Problems);
                Assert.All(e.Problems, p => Assert.True(p.Path.Length > 0 && p.Message.Length > 0 && !p.Message.Contains('\n', StringComparison.Ordinal), p.ToString()));
                refused.AddOrUpdate(sample.Kind, 1, (_, n) => n + 1);
            }
        }, iter: 10_000);

        // Every kind of damage was tried and refused many times (some cases, a value replaced by a valid one, do read).
        Assert.Equal(7, refused.Count);
        Assert.All(refused, k => Assert.True(k.Value >= 100, $"only {k.Value} refusals of kind {k.Key}"));
        Assert.InRange(read, 100, 9_000);
    }

    [Fact]
    public void The_file_the_cases_are_made_from_reads()
    {
        var config = ConfigFile.Parse(GeneratedConfigFiles.Valid, "agent.json", NoEnvironment);

        Assert.Equal(["models.local", "10.0.0.5:8443", "[::1]:8080"], config.Updates.ArchiveHosts);
        Assert.Equal("1.0.0", config.Updates.MinimumVersion);
        Assert.Equal("command.pem", Path.GetFileName(Assert.Single(config.Updates.EffectiveCommandKeys)));
    }
}
