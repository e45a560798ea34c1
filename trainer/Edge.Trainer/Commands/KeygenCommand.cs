using System.CommandLine;
using Edge.Bundles.Signing;

namespace Edge.Trainer.Commands;

/// <summary><c>edge-train keygen --out DIR</c>: an ECDSA P-256 signing key pair (private key readable by its owner only).</summary>
internal static class KeygenCommand
{
    public const string PrivateFile = "edge-signing.key";
    public const string PublicFile = "edge-signing.pub";

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for edge-signing.key and edge-signing.pub.", Required = true };
        var command = new Command("keygen", "Make a key pair for signing bundles; devices trust the .pub file.") { output };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var folder = result.GetValue(output)!.FullName;
            var privatePath = Path.Combine(folder, PrivateFile);
            var publicPath = Path.Combine(folder, PublicFile);
            if (File.Exists(privatePath) || File.Exists(publicPath))
            {
                throw new UserInputException($"'{folder}' already holds a signing key; keygen never overwrites one (a lost key cannot sign for the devices that trust it).");
            }
            Directory.CreateDirectory(folder);
            using var key = SigningKeys.Generate();
            // Created with owner-only permissions before the key is written, so it is never readable by others.
            using (var stream = new FileStream(privatePath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(SigningKeys.PrivateKeyPem(key));
            }
            File.WriteAllText(publicPath, SigningKeys.PublicKeyPem(key));
            Console.WriteLine($"wrote {privatePath} (keep it secret) and {publicPath} (key id {SigningKeys.KeyId(key)}; list it in the devices' updates.trustedKeys)");
            return 0;
        }));
        return command;
    }
}
