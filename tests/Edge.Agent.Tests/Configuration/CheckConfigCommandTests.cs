using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Configuration;

/// <summary>The real edge-agent process: check-config and run against good and bad files.</summary>
public class CheckConfigCommandTests
{
    [Fact]
    public void The_shipped_packaging_agent_json_passes_check_config()
    {
        var (code, output, errors) = AgentProcess.Run("check-config", "--config", RepositoryRoot.Combine("packaging", "agent.json"));

        Assert.True(code == 0, errors);
        Assert.Contains("agent.json: ok (0 camera(s), broker 127.0.0.1:1883)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_config_prints_every_problem_with_its_path_and_exits_non_zero()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.json");
        File.WriteAllText(path, """{ "site": "a", "device": "b", "mqtt": { "host": "h", "port": 0 }, "model": {}, "cameras": [ { "name": "c" } ] }""");

        var (code, _, errors) = AgentProcess.Run("check-config", "--config", path);

        Assert.Equal(1, code);
        Assert.Equal(
            [
                $"{path}: $.mqtt.port: must be 1..65535",
                $"{path}: $.model.bundle: is required",
                $"{path}: $.cameras[0]: needs one source: \"ffmpeg\", \"gstreamer\", \"v4l2\" or \"folder\"",
            ],
            errors.Split('\n'));
    }

    [Fact]
    public void Run_refuses_a_bad_file_in_one_line_without_a_stack_trace()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.json");
        File.WriteAllText(path, """{ "site": "a", "device": "b", "mqtt": { "host": "h", "port": "x" }, "model": { "bundle": "/b" } }""");

        var (code, output, errors) = AgentProcess.Run("run", "--config", path);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"edge-agent run: refusing to start: {path}: $.mqtt.port: must be an integer 1..65535", errors);
    }

    [Fact]
    public void Run_names_a_missing_config_file()
    {
        using var folder = new TempFolder();

        var (code, _, errors) = AgentProcess.Run("run", "--config", folder.File("absent.json"));

        Assert.Equal(2, code);
        Assert.StartsWith($"edge-agent run: refusing to start: {folder.File("absent.json")}: $: cannot read the file:", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", errors, StringComparison.Ordinal);
    }
}
