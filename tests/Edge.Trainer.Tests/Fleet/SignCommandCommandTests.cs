using System.Text;
using Edge.Bundles.Signing;
using Edge.Fleet;
using Edge.Testing;

namespace Edge.Trainer.Tests.Fleet;

/// <summary><c>edge-train sign-command</c> run as a process: the line it prints is a command a device accepts, for that device only.</summary>
public sealed class SignCommandCommandTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    [Fact]
    public void A_signed_rollback_verifies_for_its_device_with_the_keygen_public_key_and_for_no_other_device()
    {
        using var folder = new TempFolder();
        ExternalTool.Run("dotnet", [Cli, "keygen", "--out", folder.Path]);

        var line = ExternalTool.Run("dotnet", [Cli, "sign-command", "--key", folder.File("edge-signing.key"), "--device", "plant1/box2", "--action", "rollback", "--id", "b-7"]);

        var command = ModelCommandJson.Parse(Encoding.UTF8.GetBytes(Assert.Single(line.Trim().Split('\n'))));
        using var trusted = TrustedKeys.FromFiles([folder.File("edge-signing.pub")]);
        Assert.Equal(("b-7", ModelAction.Rollback, "plant1/box2"), (command.Id, command.Action, command.Device));
        Assert.Null(ModelCommandSignature.Refusal(command, new FleetTopics("plant1", "box2"), trusted, DateTimeOffset.UtcNow));
        Assert.Contains("not this one (plant1/box1)", ModelCommandSignature.Refusal(command, new FleetTopics("plant1", "box1"), trusted, DateTimeOffset.UtcNow), StringComparison.Ordinal);
        Assert.InRange(command.ExpiresUtc!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Theory]
    [InlineData("--action", "install", "--action 'install' is not rollback or report")]
    [InlineData("--device", "plant1/+", "--device 'plant1/+' is not site/device")]
    [InlineData("--id", "a/b", "the command would be refused: id must be")]
    [InlineData("--floor", "1.0", "--floor '1.0' must be a semantic version, with --action report")]
    public void A_bad_option_is_a_one_line_error(string option, string value, string message)
    {
        using var folder = new TempFolder();
        ExternalTool.Run("dotnet", [Cli, "keygen", "--out", folder.Path]);
        var arguments = new Dictionary<string, string> { ["--key"] = folder.File("edge-signing.key"), ["--device"] = "plant1/box1", ["--action"] = "report" };
        arguments[option] = value;

        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Cli, "sign-command", .. arguments.SelectMany(a => new[] { a.Key, a.Value })]));

        Assert.Equal(1, error.ExitCode);
        Assert.Contains(message, Assert.Single(error.ErrorOutput.Trim().Split('\n')), StringComparison.Ordinal);
    }
}
