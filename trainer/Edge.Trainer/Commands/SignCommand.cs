using System.CommandLine;
using Edge.Bundles.Files;
using Edge.Bundles.Signing;

namespace Edge.Trainer.Commands;

/// <summary><c>edge-train sign --bundle B --key K</c>: checks the bundle, then signs its manifest (which lists every file's SHA-256).</summary>
internal static class SignCommand
{
    public static Command Create()
    {
        var bundle = new Option<DirectoryInfo>("--bundle") { Description = "Bundle folder (calibrate and evaluate first: they rewrite the manifest).", Required = true };
        var key = new Option<FileInfo>("--key") { Description = "Private key from edge-train keygen.", Required = true };
        var command = new Command("sign", "Sign a bundle's manifest with a private key.") { bundle, key };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var keyPath = result.GetValue(key)!.FullName;
            using var privateKey = PrivateKeyFile.Load(keyPath);
            var opened = Bundle.Open(result.GetValue(bundle)!.FullName);
            var signature = BundleSignature.Sign(opened, privateKey);
            Console.WriteLine($"signed bundle {opened.Manifest.ModelVersion} in {opened.Folder} with key {signature.KeyId}");
            return 0;
        }));
        return command;
    }
}
