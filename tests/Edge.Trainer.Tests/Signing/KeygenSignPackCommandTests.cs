using System.IO.Compression;
using Edge.Bundles.Signing;
using Edge.Testing;
using Edge.Trainer.Tests.Evaluation;

namespace Edge.Trainer.Tests.Signing;

public sealed class KeygenSignPackCommandTests(TinyBundleFixture fixture) : IClassFixture<TinyBundleFixture>
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    [Fact]
    public void Keygen_sign_and_pack_make_an_archive_whose_bundle_verifies_against_the_public_key_only()
    {
        using var folder = new TempFolder();
        var bundle = fixture.CopyBundle(folder);

        ExternalTool.Run("dotnet", [Cli, "keygen", "--out", folder.File("keys")]);
        ExternalTool.Run("dotnet", [Cli, "sign", "--bundle", bundle, "--key", folder.File("keys/edge-signing.key")]);
        ExternalTool.Run("dotnet", [Cli, "pack", "--bundle", bundle, "--out", folder.File("bundle.zip")]);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.File("keys/edge-signing.key")));
        ZipFile.ExtractToDirectory(folder.File("bundle.zip"), folder.File("unpacked"));
        var trusted = TrustedKeys.FromFiles([folder.File("keys/edge-signing.pub")]);
        var verified = BundleSignature.OpenVerified(folder.File("unpacked"), trusted);
        Assert.Equal("1.2.3", verified.Manifest.ModelVersion.ToString());
        Assert.Equal(Directory.GetFiles(bundle).Select(Path.GetFileName).Order(), Directory.GetFiles(folder.File("unpacked")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Keygen_never_overwrites_a_key_and_pack_refuses_an_unsigned_bundle_each_in_one_line()
    {
        using var folder = new TempFolder();
        ExternalTool.Run("dotnet", [Cli, "keygen", "--out", folder.Path]);
        var key = File.ReadAllText(folder.File("edge-signing.key"));

        var again = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Cli, "keygen", "--out", folder.Path]));
        var unsigned = Assert.Throws<ExternalToolException>(() =>
            ExternalTool.Run("dotnet", [Cli, "pack", "--bundle", fixture.BundleFolder, "--out", folder.File("b.zip")]));

        Assert.Equal(key, File.ReadAllText(folder.File("edge-signing.key")));
        Assert.Contains("never overwrites", again.ErrorOutput, StringComparison.Ordinal);
        Assert.Contains("is not signed", unsigned.ErrorOutput, StringComparison.Ordinal);
        Assert.Single(unsigned.ErrorOutput.Trim().Split('\n'));
        Assert.False(File.Exists(folder.File("b.zip")));
    }

    [Fact]
    public void Signing_with_a_public_key_instead_of_the_private_one_is_a_one_line_error()
    {
        using var folder = new TempFolder();
        var bundle = fixture.CopyBundle(folder);
        ExternalTool.Run("dotnet", [Cli, "keygen", "--out", folder.File("keys")]);

        var error = Assert.Throws<ExternalToolException>(() =>
            ExternalTool.Run("dotnet", [Cli, "sign", "--bundle", bundle, "--key", folder.File("keys/edge-signing.pub")]));

        Assert.Equal(1, error.ExitCode);
        Assert.StartsWith("edge-train: error: ", error.ErrorOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(bundle, "manifest.sig")));
    }
}
