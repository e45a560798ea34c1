using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Bundles.Tests.Support;
using Edge.Bundles.Validation;
using Edge.Testing;

namespace Edge.Bundles.Tests.Files;

public class BundleWriterTests
{
    [Fact]
    public void An_invalid_manifest_is_refused_and_leaves_no_manifest_behind()
    {
        using var temp = new TempFolder();
        var writer = BundleWriter.Create(temp.File("b"));
        writer.AddFile("encoder.onnx", [1, 2, 3]);

        var error = Assert.Throws<BundleException>(() => writer.Commit(SampleBundles.Manifest()));

        Assert.Contains(error.Problems, p => p.Path == "$.files['decoder.onnx']");
        Assert.False(File.Exists(Path.Combine(writer.Folder, BundleFileNames.Manifest)));
    }

    [Fact]
    public void The_writer_refuses_a_non_empty_folder_reserved_or_unsafe_names_and_duplicates()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("x"), "x");
        Assert.Throws<IOException>(() => BundleWriter.Create(temp.Path));

        var writer = BundleWriter.Create(temp.File("b"));
        Assert.Throws<ArgumentException>(() => writer.AddFile("manifest.json", [1]));
        Assert.Throws<ArgumentException>(() => writer.AddFile("../escape.onnx", [1]));
        Assert.Throws<ArgumentException>(() => writer.AddFile(".hidden", [1]));
        writer.AddFile("a.bin", [1]);
        Assert.Throws<ArgumentException>(() => writer.AddFile("a.bin", [2]));
    }

    [Fact]
    public void Added_files_carry_the_size_and_sha256_of_what_was_written()
    {
        using var temp = new TempFolder();
        var source = temp.File("source.onnx");
        var content = Enumerable.Range(0, 3_000_000).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(source, content);
        var writer = BundleWriter.Create(temp.File("b"));

        var entry = writer.CopyGraph(BundleGraph.Encoder, source);

        Assert.Equal(content.Length, entry.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), entry.Sha256);
        Assert.Equal(content, File.ReadAllBytes(Path.Combine(writer.Folder, "encoder.onnx")));
    }
}
