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
            var opened = Bundle.Open(result.GetValue(bundle)!.FullName);
            if (!opened.HasSignature)
            {
                throw new UserInputException($"The bundle '{opened.Folder}' is not signed; devices refuse unsigned bundles: run 'edge-train sign' first.");
            }
            var archive = result.GetValue(output)!.FullName;
            var (size, sha) = BundleArchive.Pack(opened, archive);
            Console.WriteLine($"packed bundle {opened.Manifest.ModelVersion} into {archive} ({size} bytes, sha256 {sha})");
            return 0;
        }));
        return command;
    }
}
