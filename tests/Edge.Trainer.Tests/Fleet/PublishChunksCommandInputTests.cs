using System.IO.Compression;
using Edge.Testing;

namespace Edge.Trainer.Tests.Fleet;

/// <summary><c>edge-train publish-chunks</c> refusing bad input with one line and exit code 1, before anything is published.</summary>
public sealed class PublishChunksCommandInputTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    [Theory]
    [InlineData("8", "--chunk-kb must be 16..4096 (got 8)")]
    [InlineData("8192", "--chunk-kb must be 16..4096 (got 8192)")]
    public void A_chunk_size_outside_16_to_4096_kib_is_refused(string kib, string message)
    {
        using var folder = new TempFolder();

        AssertOneLineError(["--broker", "mqtt://127.0.0.1:1", "--archive", SignedArchive(folder), "--chunk-kb", kib], message);
    }

    [Fact]
    public void A_missing_or_unsigned_archive_and_an_unreachable_broker_are_refused()
    {
        using var folder = new TempFolder();
        var unsigned = folder.File("unsigned.zip");
        using (var zip = ZipFile.Open(unsigned, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            writer.Write("""{ "modelVersion": "2.0.0" }""");
        }

        AssertOneLineError(["--broker", "mqtt://127.0.0.1:1", "--archive", folder.File("missing.zip")], "does not exist");
        AssertOneLineError(["--broker", "mqtt://127.0.0.1:1", "--archive", unsigned], "has no manifest.sig");
        AssertOneLineError(["--broker", "http://127.0.0.1:1", "--archive", SignedArchive(folder)], "is not a broker address");
        AssertOneLineError(["--broker", "mqtt://127.0.0.1:1", "--archive", SignedArchive(folder), "--clear"], "Cannot reach the broker at 127.0.0.1:1");
    }

    private static string SignedArchive(TempFolder folder)
    {
        var path = folder.File("signed.zip");
        if (!File.Exists(path))
        {
            using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
            using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
            {
                writer.Write("""{ "modelVersion": "2.0.0" }""");
            }
            using (var writer = new StreamWriter(zip.CreateEntry("manifest.sig").Open()))
            {
                writer.Write("signature");
            }
        }
        return path;
    }

    private static void AssertOneLineError(IEnumerable<string> arguments, string message)
    {
        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Cli, "publish-chunks", .. arguments]));

        Assert.Equal(1, error.ExitCode);
        var line = Assert.Single(error.ErrorOutput.Trim().Split('\n'));
        Assert.StartsWith("edge-train: error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }
}
