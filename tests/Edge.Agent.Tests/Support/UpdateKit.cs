using System.IO.Compression;
using System.Security.Cryptography;
using Edge.Bundles.Archives;
using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Bundles.Signing;
using Edge.Bundles.Tensors;
using Edge.Bundles.Versioning;
using Edge.Fleet;
using Edge.Onnx;
using Edge.Testing;
using Google.Protobuf;
using Onnx;

namespace Edge.Agent.Tests.Support;

/// <summary>
/// Signed bundle archives for over-the-air tests, made from the trained bundle as edge-train would (set the version,
/// sign, pack) and served by a real HTTP server; plus the broken ones the agent must refuse or roll back: tampered
/// after signing, signed by an unknown key, an older version, a failing golden check, and one that passes every
/// check but scores live frames as NaN.
/// </summary>
public sealed class UpdateKit : IAsyncDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _source;

    private UpdateKit(string source, ArchiveServer server)
    {
        _source = source;
        Server = server;
        Key = SigningKeys.Generate();
        PublicKeyPath = _temp.File("trusted.pem");
        File.WriteAllText(PublicKeyPath, SigningKeys.PublicKeyPem(Key));
        PrivateKeyPath = _temp.File("edge-signing.key");
        File.WriteAllText(PrivateKeyPath, SigningKeys.PrivateKeyPem(Key));
    }

    public ECDsa Key { get; }

    /// <summary>The public key the agents under test trust, for bundles and (as their command key) for commands.</summary>
    public string PublicKeyPath { get; }

    /// <summary>Its private key, for <c>edge-train rollout --key</c>.</summary>
    public string PrivateKeyPath { get; }

    public ArchiveServer Server { get; }

    /// <param name="source">The bundle folder the archives are made from (its graphs and golden tensors).</param>
    public static async Task<UpdateKit> StartAsync(string source, TempFolder www)
    {
        Directory.CreateDirectory(www.Path);
        return new UpdateKit(source, await ArchiveServer.StartAsync(www.Path));
    }

    /// <summary>A signed, packed copy of the source at <paramref name="version"/>, served as <c>&lt;name&gt;.zip</c>.</summary>
    /// <param name="change">Changes the copied folder before signing (files it rewrites are re-listed in the manifest).</param>
    /// <param name="manifest">Changes the manifest before signing.</param>
    public Archive Make(string name, string version, Action<string>? change = null, Func<BundleManifest, BundleManifest>? manifest = null, ECDsa? signer = null)
    {
        var folder = Copy(name);
        change?.Invoke(folder);
        Relist(folder, m => (manifest ?? (x => x))(m with { ModelVersion = SemanticVersion.Parse(version) }));
        BundleSignature.Sign(Bundle.Open(folder), signer ?? Key);
        var path = Path.Combine(Server.Folder, name + ".zip");
        var (size, sha) = BundleArchive.Pack(Bundle.Open(folder), path);
        return new Archive(name, version, Server.Url(name + ".zip"), sha, size);
    }

    /// <summary>A correctly signed archive whose encoder was changed afterwards (packed by hand: the packer refuses it).</summary>
    public Archive MakeTampered(string name, string version) => Repack(name, version, folder =>
    {
        using var stream = File.OpenWrite(Path.Combine(folder, "encoder.onnx"));
        stream.Position = stream.Length / 2;
        stream.WriteByte(0x5A);
    });

    /// <summary>A good bundle packed without its <c>manifest.sig</c> (by hand: the packer refuses an unsigned bundle).</summary>
    public Archive MakeUnsigned(string name, string version) =>
        Repack(name, version, folder => File.Delete(Path.Combine(folder, BundleFileNames.Signature)));

    /// <summary>Makes a signed bundle, changes its folder with <paramref name="change"/>, and zips the folder as it is.</summary>
    private Archive Repack(string name, string version, Action<string> change)
    {
        var good = Make(name, version);
        var folder = _temp.File(name);
        change(folder);
        var path = Path.Combine(Server.Folder, name + ".zip");
        File.Delete(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                zip.CreateEntryFromFile(file, Path.GetFileName(file));
            }
        }
        return good with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), Size = new FileInfo(path).Length };
    }

    /// <summary>The decoder's expected golden reconstruction moved by 0.5: the bundle's own graphs can no longer match it.</summary>
    public static void BreakGoldenCheck(string folder)
    {
        var manifest = Bundle.Open(folder).Manifest;
        var file = Path.Combine(folder, manifest.Golden.Outputs["decoder"][GraphNames.Reconstruction]);
        var expected = NpyFile.Read(file);
        var moved = expected.AsFloat32().ToArray().Select(v => v + 0.5f).ToArray();
        NpyFile.Write(file, NpyArray.FromFloat32(moved, [.. expected.Shape]));
    }

    /// <summary>
    /// Makes the decoder return NaN for any input other than the golden one: reconstruction + 0 * sqrt(-sum((q0 - golden q0)^2)).
    /// On the golden input that is sqrt(-0) = -0 and nothing changes, so load and golden check pass; on a live frame the score is NaN.
    /// </summary>
    public static void NaNOnLiveFrames(string folder)
    {
        var manifest = Bundle.Open(folder).Manifest;
        var golden = NpyFile.Read(Path.Combine(folder, manifest.Golden.Outputs["codebook"][GraphNames.Quantized(0)]));
        var path = Path.Combine(folder, "decoder.onnx");
        var model = OnnxModel.Load(path);
        var graph = model.Proto.Graph;
        var producer = graph.Node.Single(n => n.Output.Contains(GraphNames.Reconstruction));
        producer.Output[producer.Output.IndexOf(GraphNames.Reconstruction)] = "test_reconstruction";
        var goldenTensor = new TensorProto { Name = "test_golden_q0", DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(golden.Bytes) };
        goldenTensor.Dims.AddRange(golden.Shape.Select(d => (long)d));
        graph.Initializer.Add(goldenTensor);
        graph.Initializer.Add(new TensorProto { Name = "test_zero", DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(BitConverter.GetBytes(0f)) });
        graph.Node.Add(Node("Sub", [GraphNames.Quantized(0), "test_golden_q0"], "test_d"));
        var reduce = Node("ReduceSumSquare", ["test_d"], "test_s");
        reduce.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
        graph.Node.Add(reduce);
        graph.Node.Add(Node("Neg", ["test_s"], "test_n"));
        graph.Node.Add(Node("Sqrt", ["test_n"], "test_r"));
        graph.Node.Add(Node("Mul", ["test_r", "test_zero"], "test_z"));
        graph.Node.Add(Node("Add", ["test_reconstruction", "test_z"], GraphNames.Reconstruction));
        model.Save(path);
    }

    /// <summary>The JSON of an install command for <paramref name="archive"/>, signed by <see cref="Key"/> (or <paramref name="signer"/>) for plant1/<paramref name="device"/>.</summary>
    public string InstallCommand(string id, Archive archive, bool force = false, string device = "box1", string? floor = null, ECDsa? signer = null) =>
        SignedCommands.Json(Install(id, archive, force, floor), signer ?? Key, device);

    /// <summary>The unsigned install command for <paramref name="archive"/>.</summary>
    public static ModelCommand Install(string id, Archive archive, bool force = false, string? floor = null) => new()
    {
        Id = id, Action = ModelAction.Install, IssuedUtc = DateTimeOffset.UtcNow, Version = archive.Version, Urls = [archive.Url],
        Sha256 = archive.Sha256, Size = archive.Size, Force = force, Floor = floor,
    };

    public async ValueTask DisposeAsync()
    {
        Key.Dispose();
        await Server.DisposeAsync();
        _temp.Dispose();
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = output + "_node" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    private string Copy(string name)
    {
        var folder = _temp.File(name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(_source).Where(f => !BundleFileNames.IsReserved(Path.GetFileName(f))))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        File.Copy(Path.Combine(_source, BundleFileNames.Manifest), Path.Combine(folder, BundleFileNames.Manifest));
        return folder;
    }

    /// <summary>Rewrites the manifest with every file's current size and hash, then <paramref name="change"/>.</summary>
    private static void Relist(string folder, Func<BundleManifest, BundleManifest> change)
    {
        var manifest = ManifestSerializer.Parse(File.ReadAllBytes(Path.Combine(folder, BundleFileNames.Manifest)));
        var files = manifest.Files.Keys.ToDictionary(n => n, n => FileHasher.Hash(Path.Combine(folder, n)), StringComparer.Ordinal);
        File.WriteAllBytes(Path.Combine(folder, BundleFileNames.Manifest), ManifestSerializer.Serialize(change(manifest with { Files = files })));
    }

    public sealed record Archive(string Name, string Version, Uri Url, string Sha256, long Size);
}
