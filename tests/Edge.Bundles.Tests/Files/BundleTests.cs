using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Bundles.Tests.Support;
using Edge.Bundles.Validation;
using Edge.Testing;

namespace Edge.Bundles.Tests.Files;

public class BundleTests
{
    [Fact]
    public void A_written_bundle_opens_with_every_file_hashed_and_no_temporary_left()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "bundle");
        var written = SampleBundles.Write(folder);

        var bundle = Bundle.Open(folder);

        Assert.Equal(7, bundle.Manifest.Files.Count);
        var decoder = File.ReadAllBytes(bundle.GraphPath(BundleGraph.Decoder));
        Assert.Equal(decoder.Length, bundle.Manifest.Files["decoder.onnx"].Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(decoder)), bundle.Manifest.Files["decoder.onnx"].Sha256);
        Assert.Equal(written.Manifest.Files, bundle.Manifest.Files);
        Assert.False(File.Exists(Path.Combine(folder, BundleFileNames.ManifestTemp)));
        Assert.Equal([1f, 2f, 3f, 4f], bundle.ReadTensor(bundle.Manifest.Golden.Outputs["encoder"]["z0"]).AsFloat32().ToArray());
        Assert.False(bundle.HasSignature);
    }

    [Fact]
    public void A_changed_byte_is_caught_by_the_hash_with_the_file_entry_path()
    {
        using var temp = new TempFolder();
        var bundle = SampleBundles.Write(temp.File("b"));
        var path = bundle.GraphPath(BundleGraph.Decoder);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<BundleException>(() => Bundle.Open(bundle.Folder));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.files['decoder.onnx'].sha256", problem.Path);
        Assert.Contains("changed or damaged", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_truncated_and_unlisted_files_are_all_reported()
    {
        using var temp = new TempFolder();
        var bundle = SampleBundles.Write(temp.File("b"));
        File.Delete(bundle.GraphPath(BundleGraph.Codebook));
        using (var stream = File.OpenWrite(bundle.GraphPath(BundleGraph.Encoder)))
        {
            stream.SetLength(10);
        }
        File.WriteAllBytes(Path.Combine(bundle.Folder, "extra.onnx"), [1, 2, 3]);
        File.WriteAllText(Path.Combine(bundle.Folder, "notes.txt"), "hello");

        var error = Assert.Throws<BundleException>(() => Bundle.Open(bundle.Folder));

        Assert.Contains(error.Problems, p => p.Path == "$.files['codebook.onnx']" && p.Message.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path == "$.files['encoder.onnx'].size" && p.Message.Contains("10 bytes", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path == "$.files" && p.Message.Contains("'extra.onnx', an unexpected graph", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path == "$.files" && p.Message.Contains("'notes.txt'", StringComparison.Ordinal));
        Assert.Equal(4, error.Problems.Count);
    }

    [Fact]
    public void A_folder_without_manifest_is_not_a_bundle_and_a_leftover_temporary_is_ignored()
    {
        using var temp = new TempFolder();
        var bundle = SampleBundles.Write(temp.File("b"));
        File.WriteAllText(Path.Combine(bundle.Folder, BundleFileNames.ManifestTemp), "{ half written");
        Assert.Equal(bundle.Manifest.Files, Bundle.Open(bundle.Folder).Manifest.Files);

        File.Delete(bundle.ManifestPath);
        var error = Assert.Throws<BundleException>(() => Bundle.Open(bundle.Folder));
        Assert.Contains("manifest.json is missing", error.Message, StringComparison.Ordinal);
        Assert.Throws<BundleException>(() => Bundle.Open(temp.File("nowhere")));
    }

    [Fact]
    public void Replacing_the_manifest_keeps_the_files_and_drops_the_stale_signature()
    {
        using var temp = new TempFolder();
        var bundle = SampleBundles.Write(temp.File("b"));
        File.WriteAllText(bundle.SignaturePath, "signature over the old manifest");
        Assert.True(bundle.HasSignature);

        var updated = bundle.ReplaceManifest(bundle.Manifest with { Thresholds = new ThresholdSet { Image = 0.9, Pixel = 0.8 } });

        Assert.Equal(0.9, Bundle.Open(bundle.Folder).Manifest.Thresholds!.Image);
        Assert.False(updated.HasSignature);
        Assert.False(File.Exists(Path.Combine(bundle.Folder, BundleFileNames.ManifestTemp)));
        var changedFiles = bundle.Manifest with { Files = new Dictionary<string, FileEntry>() };
        var error = Assert.Throws<BundleException>(() => updated.ReplaceManifest(changedFiles));
        Assert.Equal("$.files", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void A_plain_vq_bundle_has_no_budget_prior_and_says_so()
    {
        using var temp = new TempFolder();
        var bundle = SampleBundles.Write(temp.File("b"), SampleBundles.Manifest(plainVq: true));
        Assert.False(bundle.HasGraph(BundleGraph.BudgetPrior));
        Assert.True(bundle.HasGraph(BundleGraph.Encoder));
        Assert.Throws<InvalidOperationException>(() => bundle.GraphPath(BundleGraph.BudgetPrior));
    }
}
