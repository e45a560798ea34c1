using System.CommandLine;
using Edge.Bundles.Archives;
using Edge.Bundles.Files;

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
            // Packing refuses an unsigned bundle itself (a BundleException, reported in one line).
            var opened = Bundle.Open(result.GetValue(bundle)!.FullName);
            var archive = result.GetValue(output)!.FullName;
            var (size, sha) = BundleArchive.Pack(opened, archive);
            Console.WriteLine($"packed bundle {opened.Manifest.ModelVersion} into {archive} ({size} bytes, sha256 {sha})");
            return 0;
        }));
        return command;
    }
}
