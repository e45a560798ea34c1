using System.IO.Compression;
using Edge.Bundles.Signing;
using Edge.Testing;

namespace Edge.Trainer.Tests.Fleet;

/// <summary><c>edge-train rollout</c> refusing bad input with one line and exit code 1, before any command goes out.</summary>
public sealed class RolloutCommandInputTests : IDisposable
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");
    private static readonly string Hash = new('c', 64);
    private readonly TempFolder _keys = new();

    public RolloutCommandInputTests()
    {
        using var key = SigningKeys.Generate();
        File.WriteAllText(KeyFile, SigningKeys.PrivateKeyPem(key));
    }

    private string KeyFile => _keys.File("edge-signing.key");

    public void Dispose() => _keys.Dispose();

    [Theory]
    [InlineData("--waves", "0", "--waves '0': '0' is neither a number of devices")]
    [InlineData("--waves", "150%", "'150%' is not a percentage above 0% and at most 100%")]
    [InlineData("--waves", "abc", "'abc' is neither a number of devices")]
    [InlineData("--archive-url", "ftp://models.test/a.zip", "--archive-url 'ftp://models.test/a.zip' is not an http or https address")]
    [InlineData("--archive-url", "mqtt-chunks:abc", "--archive-url 'mqtt-chunks:abc' must be mqtt-chunks: followed by the archive's SHA-256")]
    [InlineData("--archive-url", "mqtt-chunks:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd", "--archive-url names the archive dddd")]
    [InlineData("--devices", "plant1", "--devices: 'plant1' is not a device filter")]
    [InlineData("--broker", "http://127.0.0.1:1883", "is not a broker address")]
    [InlineData("--broker", "mqtt://127.0.0.1:1", "Cannot reach the broker at 127.0.0.1:1")]
    [InlineData("--sha256", "abc", "--sha256 'abc' is not a SHA-256")]
    [InlineData("--version", "2.0", "--version '2.0' is not a semantic version")]
    [InlineData("--max-failure-rate", "1.5", "--max-failure-rate must be a fraction from 0 to 1")]
    [InlineData("--timeout-minutes", "0", "--timeout-minutes must be above 0")]
    [InlineData("--floor", "3.0.0", "--floor 3.0.0 is above the version 2.0.0 being rolled out")]
    [InlineData("--floor", "two", "--floor 'two' is not a semantic version")]
    [InlineData("--key", "/nonexistent/edge-signing.key", "The key file '/nonexistent/edge-signing.key' does not exist; make one with 'edge-train keygen'")]
    public void A_bad_option_is_a_one_line_error_that_names_it(string option, string value, string message)
    {
        var arguments = new Dictionary<string, string>
        {
            ["--broker"] = "mqtt://127.0.0.1:1", ["--archive-url"] = "http://models.test/a.zip", ["--devices"] = "+/+",
            ["--version"] = "2.0.0", ["--sha256"] = Hash, ["--size"] = "1234", ["--key"] = KeyFile,
        };
        arguments[option] = value;

        AssertOneLineError(arguments.SelectMany(a => new[] { a.Key, a.Value }), message);
    }

    [Fact]
    public void Without_an_archive_the_version_and_hash_are_required()
    {
        AssertOneLineError(["--broker", "mqtt://127.0.0.1:1", "--archive-url", "http://models.test/a.zip", "--devices", "+/+", "--size", "10"],
            "--version, --sha256 are required without --archive");
    }

    [Fact]
    public void An_mqtt_chunks_url_gives_the_hash_so_version_and_size_are_enough()
    {
        AssertOneLineError(["--broker", "mqtt://127.0.0.1:1", "--archive-url", "mqtt-chunks:" + Hash, "--devices", "+/+", "--version", "2.0.0", "--size", "10"],
            "Cannot reach the broker");
    }

    [Fact]
    public void An_archive_that_is_unsigned_or_disagrees_with_the_version_given_is_refused()
    {
        using var folder = new TempFolder();
        var unsigned = folder.File("unsigned.zip");
        using (var zip = ZipFile.Open(unsigned, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            writer.Write("""{ "modelVersion": "2.0.0" }""");
        }
        var signed = folder.File("signed.zip");
        File.Copy(unsigned, signed);
        using (var zip = ZipFile.Open(signed, ZipArchiveMode.Update))
        {
            using var writer = new StreamWriter(zip.CreateEntry("manifest.sig").Open());
            writer.Write("signature");
        }
        string[] common = ["--broker", "mqtt://127.0.0.1:1", "--archive-url", "http://models.test/a.zip", "--devices", "+/+"];

        AssertOneLineError([.. common, "--archive", unsigned], "has no manifest.sig: devices refuse unsigned bundles");
        AssertOneLineError([.. common, "--archive", signed, "--version", "3.0.0"], "--version 3.0.0 disagrees with the archive (2.0.0)");
        AssertOneLineError([.. common, "--archive", folder.File("missing.zip")], "does not exist");
        // A good archive gets as far as the broker.
        AssertOneLineError([.. common, "--archive", signed], "Cannot reach the broker");
    }

    [Fact]
    public void A_public_key_given_as_the_signing_key_is_refused()
    {
        using var key = SigningKeys.Generate();
        var publicKey = _keys.File("edge-signing.pub");
        File.WriteAllText(publicKey, SigningKeys.PublicKeyPem(key));

        AssertOneLineError(["--broker", "mqtt://127.0.0.1:1", "--archive-url", "http://models.test/a.zip", "--devices", "+/+", "--version", "2.0.0",
            "--sha256", Hash, "--size", "10", "--key", publicKey], "is not a PEM private key");
    }

    private void AssertOneLineError(IEnumerable<string> arguments, string message)
    {
        var list = arguments.ToList();
        if (!list.Contains("--key"))
        {
            list.AddRange(["--key", KeyFile]);
        }
        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Cli, "rollout", .. list]));

        Assert.Equal(1, error.ExitCode);
        var line = Assert.Single(error.ErrorOutput.Trim().Split('\n'));
        Assert.StartsWith("edge-train: error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }
}
