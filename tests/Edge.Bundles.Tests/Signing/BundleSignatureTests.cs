using System.Security.Cryptography;
using System.Text;
using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Bundles.Signing;
using Edge.Bundles.Tests.Support;
using Edge.Bundles.Validation;
using Edge.Testing;

namespace Edge.Bundles.Tests.Signing;

public sealed class BundleSignatureTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ECDsa _key = SigningKeys.Generate();

    private string Folder => Path.Combine(_temp.Path, "bundle");

    public void Dispose()
    {
        _key.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void A_signed_bundle_verifies_against_its_public_key_and_still_opens()
    {
        var signature = BundleSignature.Sign(SampleBundles.Write(Folder), _key);
        using var trusted = Trust(_key);

        var bundle = BundleSignature.OpenVerified(Folder, trusted);

        Assert.Equal(SigningKeys.KeyId(_key), signature.KeyId);
        Assert.True(bundle.HasSignature);
        Assert.Equal(64, signature.Signature.Length);
        Assert.False(File.Exists(Path.Combine(Folder, BundleFileNames.SignatureTemp)));
    }

    [Fact]
    public void The_signature_is_ecdsa_p256_over_the_manifest_bytes_as_an_independent_verifier_sees_it()
    {
        var bundle = SampleBundles.Write(Folder);
        BundleSignature.Sign(bundle, _key);
        var file = SignatureFile.Parse(File.ReadAllBytes(bundle.SignaturePath));
        using var fresh = ECDsa.Create();
        fresh.ImportFromPem(SigningKeys.PublicKeyPem(_key));

        Assert.True(fresh.VerifyData(File.ReadAllBytes(bundle.ManifestPath), file.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(fresh.ExportSubjectPublicKeyInfo())), file.KeyId);
        Assert.Contains("\"algorithm\": \"ecdsa-p256-sha256\"", File.ReadAllText(bundle.SignaturePath), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsigned_bundle_is_refused_as_unsigned()
    {
        SampleBundles.Write(Folder);
        using var trusted = Trust(_key);

        var error = Assert.Throws<SignatureException>(() => BundleSignature.Verify(Folder, trusted));

        Assert.Equal(SignatureError.Unsigned, error.Error);
        Assert.Equal("unsigned", error.Code);
    }

    [Fact]
    public void A_bundle_signed_by_another_key_is_refused_as_unknown_key()
    {
        BundleSignature.Sign(SampleBundles.Write(Folder), _key);
        using var other = SigningKeys.Generate();
        using var trusted = Trust(other);

        var error = Assert.Throws<SignatureException>(() => BundleSignature.Verify(Folder, trusted));

        Assert.Equal(SignatureError.UnknownKey, error.Error);
        Assert.Contains(SigningKeys.KeyId(_key), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forged_signature_under_a_trusted_key_id_is_refused_as_bad_signature()
    {
        var bundle = SampleBundles.Write(Folder);
        var signature = BundleSignature.Sign(bundle, _key);
        var forged = signature.Signature.ToArray();
        forged[10] ^= 0x40;
        File.WriteAllBytes(bundle.SignaturePath, (signature with { Signature = forged }).Serialize());
        using var trusted = Trust(_key);

        var error = Assert.Throws<SignatureException>(() => BundleSignature.Verify(Folder, trusted));

        Assert.Equal(SignatureError.BadSignature, error.Error);
    }

    [Fact]
    public void A_manifest_changed_after_signing_is_refused_as_bad_signature()
    {
        var bundle = SampleBundles.Write(Folder);
        BundleSignature.Sign(bundle, _key);
        var text = File.ReadAllText(bundle.ManifestPath).Replace("edge-train 0.1.0", "edge-train 6.6.6", StringComparison.Ordinal);
        File.WriteAllText(bundle.ManifestPath, text);
        using var trusted = Trust(_key);

        Assert.Equal("bad-signature", Assert.Throws<SignatureException>(() => BundleSignature.Verify(Folder, trusted)).Code);
        Assert.NotNull(Bundle.Open(Folder));
    }

    [Fact]
    public void A_file_changed_after_signing_passes_the_signature_but_is_caught_when_the_bundle_opens()
    {
        var bundle = SampleBundles.Write(Folder);
        BundleSignature.Sign(bundle, _key);
        var decoder = bundle.GraphPath(BundleGraph.Decoder);
        var bytes = File.ReadAllBytes(decoder);
        bytes[0] ^= 1;
        File.WriteAllBytes(decoder, bytes);
        using var trusted = Trust(_key);

        BundleSignature.Verify(Folder, trusted);
        var error = Assert.Throws<BundleException>(() => BundleSignature.OpenVerified(Folder, trusted));

        Assert.Contains(error.Problems, problem => problem.Path.Contains("decoder.onnx", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"algorithm":"rsa-pss","keyId":"0000000000000000000000000000000000000000000000000000000000000000","signature":"AA=="}""")]
    [InlineData("""{"algorithm":"ecdsa-p256-sha256","keyId":"0000000000000000000000000000000000000000000000000000000000000000","signature":"AA==","extra":1}""")]
    [InlineData("""{"algorithm":"ecdsa-p256-sha256","keyId":"XYZ","signature":"AA=="}""")]
    [InlineData("""{"algorithm":"ecdsa-p256-sha256","keyId":"0000000000000000000000000000000000000000000000000000000000000000","signature":"%%%"}""")]
    public void A_malformed_signature_file_is_refused_as_malformed(string content)
    {
        var bundle = SampleBundles.Write(Folder);
        File.WriteAllText(bundle.SignaturePath, content);
        using var trusted = Trust(_key);

        Assert.Equal(SignatureError.Malformed, Assert.Throws<SignatureException>(() => BundleSignature.Verify(Folder, trusted)).Error);
    }

    [Fact]
    public void Replacing_the_manifest_removes_the_signature_that_covered_the_old_bytes()
    {
        var bundle = SampleBundles.Write(Folder);
        BundleSignature.Sign(bundle, _key);

        var replaced = bundle.ReplaceManifest(bundle.Manifest with { Producer = "edge-train 0.2.0" });

        Assert.False(replaced.HasSignature);
    }

    [Fact]
    public void Keys_round_trip_through_pem_and_a_private_key_is_not_accepted_as_a_public_one()
    {
        var privatePem = SigningKeys.PrivateKeyPem(_key);
        var publicPem = SigningKeys.PublicKeyPem(_key);

        using var imported = SigningKeys.ImportPrivateKey(privatePem, "k");
        using var importedPublic = SigningKeys.ImportPublicKey(publicPem, "p");

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", privatePem, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", publicPem, StringComparison.Ordinal);
        Assert.Equal(SigningKeys.KeyId(_key), SigningKeys.KeyId(imported));
        Assert.Equal(SigningKeys.KeyId(_key), SigningKeys.KeyId(importedPublic));
        Assert.Throws<SignatureException>(() => SigningKeys.ImportPublicKey(privatePem, "k"));
        Assert.Throws<SignatureException>(() => SigningKeys.ImportPrivateKey(Encoding.ASCII.GetString([1, 2, 3]), "junk"));
    }

    [Fact]
    public void A_p384_key_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var error = Assert.Throws<SignatureException>(() => SigningKeys.ImportPublicKey(p384.ExportSubjectPublicKeyInfoPem(), "p384.pub"));

        Assert.Contains("P-256", error.Message, StringComparison.Ordinal);
    }

    private static TrustedKeys Trust(ECDsa key)
    {
        var trusted = new TrustedKeys();
        trusted.Add(SigningKeys.ImportPublicKey(SigningKeys.PublicKeyPem(key), "test.pub"));
        return trusted;
    }
}
