using System.CommandLine;
using System.IO.Compression;
using System.Security.Cryptography;
using Edge.Bundles.Files;
using Edge.Bundles.Manifest;

namespace Edge.Trainer.Commands;

/// <summary><c>edge-train pack --bundle B --out FILE</c>: the signed bundle as one flat zip, what travels to devices.</summary>
internal static class PackCommand
{
    public static Command Create()
    {
        var bundle = new Option<DirectoryInfo>("--bundle") { Description = "Signed bundle folder.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Archive to write (.zip).", Required = true };
        var command = new Command("pack", "Pack a signed bundle into one zip archive for devices.") { bundle, output };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var opened = Bundle.Open(result.GetValue(bundle)!.FullName);
            if (!opened.HasSignature)
            {
                throw new UserInputException($"The bundle '{opened.Folder}' is not signed; devices refuse unsigned bundles: run 'edge-train sign' first.");
            }
            var archive = result.GetValue(output)!.FullName;
            var temporary = archive + ".tmp";
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                foreach (var name in opened.Manifest.Files.Keys.Append(BundleFileNames.Manifest).Append(BundleFileNames.Signature).Order(StringComparer.Ordinal))
                {
                    // Graphs are already dense; storing keeps packing fast and the device's extraction simple.
                    zip.CreateEntryFromFile(Path.Combine(opened.Folder, name), name, CompressionLevel.NoCompression);
                }
            }
            File.Move(temporary, archive, overwrite: true);
            using var stream = File.OpenRead(archive);
            var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            Console.WriteLine($"packed bundle {opened.Manifest.ModelVersion} into {archive} ({new FileInfo(archive).Length} bytes, sha256 {sha})");
            return 0;
        }));
        return command;
    }
}
