using Edge.Testing;
using Edge.Trainer.Tests.Training;

namespace Edge.Trainer.Tests.Fleet;

/// <summary>Ctrl-C while <c>edge-train devices</c> listens on a real broker: the shell's code, at most one line, no stack trace.</summary>
public sealed class FleetCommandCancelTests
{
    [Fact]
    public async Task Ctrl_C_while_listening_for_devices_ends_with_exit_130_and_no_stack_trace()
    {
        using var broker = MosquittoBroker.Start();
        using var process = FitData.Start("devices", "--broker", $"mqtt://127.0.0.1:{broker.Port}", "--listen-seconds", "60");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        // Long enough to have connected and be listening; the command waits 60 s unless interrupted.
        await Task.Delay(TimeSpan.FromSeconds(3));

        ExternalTool.Run("kill", ["-s", "INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("edge-train devices did not stop within 30 s of SIGINT");
        }

        var (stdout, stderr) = (await output, await errors);

        Assert.Equal(130, process.ExitCode);
        // System.CommandLine may end the process at once with 130, before the command prints its own line.
        Assert.Contains(stderr.Trim(), new[] { "", "edge-train: cancelled" });
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }
}
