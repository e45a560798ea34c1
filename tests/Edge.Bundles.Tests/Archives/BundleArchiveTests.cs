using System.IO.Compression;
using System.Security.Cryptography;
using Edge.Bundles.Archives;
using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Bundles.Signing;
using Edge.Bundles.Tests.Support;
using Edge.Bundles.Validation;
using Edge.Testing;

namespace Edge.Bundles.Tests.Archives;

public sealed class BundleArchiveTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ECDsa _key = SigningKeys.Generate();

    private string Zip => _temp.File("bundle.zip");

    private string Target => _temp.File("extracted");

    public void Dispose()
    {
        _key.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void A_packed_signed_bundle_extracts_to_the_same_files_and_verifies()
    {
        var bundle = SampleBundles.Write(_temp.File("bundle"));
        BundleSignature.Sign(bundle, _key);

        var (size, sha) = BundleArchive.Pack(bundle, Zip);
        BundleArchive.Extract(Zip, Target, new ArchiveLimits());
        using var trusted = new TrustedKeys();
        trusted.Add(SigningKeys.ImportPublicKey(SigningKeys.PublicKeyPem(_key), "test"));
        var extracted = BundleSignature.OpenVerified(Target, trusted);

        Assert.Equal(new FileInfo(Zip).Length, size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Zip))), sha);
        Assert.Equal(bundle.Manifest.Files.Keys.Order(), extracted.Manifest.Files.Keys.Order());
        Assert.Equal(File.ReadAllBytes(bundle.ManifestPath), File.ReadAllBytes(extracted.ManifestPath));
        Assert.False(File.Exists(Zip + ".tmp"));
    }

    [Fact]
    public void An_unsigned_bundle_is_not_packed()
    {
        var bundle = SampleBundles.Write(_temp.File("bundle"));

        var error = Assert.Throws<BundleException>(() => BundleArchive.Pack(bundle, Zip));

        Assert.Contains("not signed", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Zip));
    }

    [Theory]
    [InlineData("../escape.onnx")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/encoder.onnx")]
    [InlineData(".hidden")]
    public void An_entry_that_is_not_a_flat_bundle_file_name_is_refused_and_nothing_is_left(string name)
    {
        WriteZip(("manifest.json", [1, 2, 3]), (name, [4, 5, 6]));

        var error = Assert.Throws<BundleException>(() => BundleArchive.Extract(Zip, Target, new ArchiveLimits()));

        Assert.Contains($"'{name}' is not a flat bundle file name", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Target));
        Assert.False(File.Exists(_temp.File("escape.onnx")));
    }

    [Theory]
    [InlineData("manifest.json.tmp")]
    [InlineData("manifest.sig.tmp")]
    [InlineData("notes.txt")]
    public void An_entry_the_manifest_does_not_list_is_refused_even_in_a_correctly_signed_archive(string name)
    {
        var bundle = SampleBundles.Write(_temp.File("bundle"));
        BundleSignature.Sign(bundle, _key);
        BundleArchive.Pack(bundle, Zip);
        using (var zip = ZipFile.Open(Zip, ZipArchiveMode.Update))
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write("{\"unverified\": true}"u8);
        }

        var error = Assert.Throws<BundleException>(() => BundleArchive.Extract(Zip, Target, new ArchiveLimits()));

        Assert.Contains($"the entry '{name}' is not listed in its manifest.json", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public void A_duplicate_entry_is_refused()
    {
        WriteZip(("manifest.json", [1]), ("encoder.onnx", [2]), ("encoder.onnx", [3]));

        var error = Assert.Throws<BundleException>(() => BundleArchive.Extract(Zip, Target, new ArchiveLimits()));

        Assert.Contains("'encoder.onnx' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_inflating_past_the_limit_is_refused_by_the_bytes_read_not_the_sizes_claimed()
    {
        // 1 MiB of zeros deflates to about a kilobyte: a small archive whose content is far over a 64 KiB limit.
        WriteZip(("manifest.json", [1]), ("encoder.onnx", new byte[1 << 20]));
        Assert.True(new FileInfo(Zip).Length < 16 * 1024);

        var error = Assert.Throws<BundleException>(() => BundleArchive.Extract(Zip, Target, new ArchiveLimits { MaxTotalBytes = 64 * 1024 }));

        Assert.Contains("passes 65536 bytes", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public void Too_many_entries_a_missing_manifest_and_a_file_that_is_not_a_zip_are_refused()
    {
        WriteZip(Enumerable.Range(0, 5).Select(i => ($"f{i}.npy", new byte[] { 1 })).ToArray());
        Assert.Contains("more than the 4", Assert.Throws<BundleException>(() => BundleArchive.Extract(Zip, Target, new ArchiveLimits { MaxEntries = 4 })).Message, StringComparison.Ordinal);
        Assert.Contains("has no manifest.json", Assert.Throws<BundleException>(() => BundleArchive.Extract(Zip, Target, new ArchiveLimits())).Message, StringComparison.Ordinal);

        File.WriteAllText(Zip, "this is not a zip archive at all");
        Assert.Contains("not a readable zip", Assert.Throws<BundleException>(() => BundleArchive.Extract(Zip, Target, new ArchiveLimits())).Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Target));
    }

    private void WriteZip(params (string Name, byte[] Content)[] entries)
    {
        File.Delete(Zip);
        using var zip = ZipFile.Open(Zip, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            stream.Write(content);
        }
    }
}
