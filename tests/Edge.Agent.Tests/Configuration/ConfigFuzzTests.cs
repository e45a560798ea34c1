using System.Text;
using Edge.Agent.Configuration;
using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Configuration;

/// <summary>
/// Seeded fuzzing of the configuration path: thousands of malformed agent.json files (and EDGE_ overrides) made from a
/// valid one must each load or be refused with one-line problems, never with another exception. The seed is fixed, so a
/// failure names the case that reproduces it.
/// </summary>
public sealed class ConfigFuzzTests
{
    private const int Seed = 20261207;

    [Fact]
    public void Five_thousand_malformed_config_files_each_load_or_are_refused_with_one_line_problems()
    {
        // The cases start from a file that loads, so that a mutation can reach the checks behind the first one.
        Assert.Equal(2, ConfigFile.Parse(MalformedConfigs.Valid, "agent.json", new Dictionary<string, string>()).Cameras.Count);
        var random = new Random(Seed);
        var refused = 0;
        for (var i = 0; i < 5000; i++)
        {
            var text = MalformedConfigs.Next(random);
            var environment = random.Next(4) == 0 ? MalformedConfigs.Overrides(random) : [];
            try
            {
                ConfigFile.Parse(text, "agent.json", environment);
            }
            catch (ConfigException e)
            {
                refused++;
                Assert.True(e.Problems.Count > 0, $"case {i}: refused without a problem:\n{text}");
                Assert.All(e.Problems, p => Assert.True(IsOneLine(p.ToString()), $"case {i}: the problem '{p}' is not one line:\n{text}"));
                Assert.True(IsOneLine(e.Message), $"case {i}: '{e.Message}' is not one line");
            }
#pragma warning disable CA1031 // Whatever else escapes is the defect this test looks for: it names the case.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Assert.Fail($"case {i}: {e.GetType().Name}: {e.Message}\n{text}\nenvironment: {string.Join(", ", environment)}");
            }
        }
        // Most mutations break the file, some do not: a fuzzer whose cases all loaded, or none, would test less than it says.
        Assert.InRange(refused, 3000, 4990);
    }

    [Fact]
    public void Files_of_random_bytes_and_invalid_utf8_are_refused_in_one_line_by_the_loader()
    {
        var random = new Random(Seed + 1);
        using var folder = new TempFolder();
        var path = folder.File("agent.json");
        for (var i = 0; i < 1000; i++)
        {
            var bytes = i % 2 == 0 ? MalformedConfigs.RandomBytes(random) : MalformedConfigs.WithInvalidUtf8(random);
            File.WriteAllBytes(path, bytes);
            try
            {
                ConfigFile.Load(path, new Dictionary<string, string>());
            }
            catch (ConfigException e)
            {
                Assert.True(IsOneLine(e.Message), $"case {i}: '{e.Message}' is not one line ({Convert.ToHexString(bytes)})");
            }
#pragma warning disable CA1031 // Whatever else escapes is the defect this test looks for: it names the case.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Assert.Fail($"case {i}: {e.GetType().Name}: {e.Message} ({Convert.ToHexString(bytes)})");
            }
        }
    }

    [Fact]
    public void Malformed_files_through_the_real_check_config_process_print_one_line_per_problem_and_no_stack_trace()
    {
        var random = new Random(Seed + 2);
        using var folder = new TempFolder();
        for (var i = 0; i < 12; i++)
        {
            var path = folder.File($"case{i}.json");
            File.WriteAllText(path, MalformedConfigs.Next(random), new UTF8Encoding(false));

            var (code, output, errors) = AgentProcess.Run("check-config", "--config", path);

            Assert.True(code is 0 or 1, $"case {i}: exit code {code}\n{errors}");
            Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", errors, StringComparison.Ordinal);
            var lines = (code == 0 ? output : errors).Split('\n');
            Assert.All(lines, line => Assert.StartsWith($"{path}: ", line, StringComparison.Ordinal));
        }
    }

    private static bool IsOneLine(string text) => text.Length > 0 && !text.Contains('\n', StringComparison.Ordinal) && !text.Contains('\r', StringComparison.Ordinal);
}
