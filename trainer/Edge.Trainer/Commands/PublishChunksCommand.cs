using System.CommandLine;
using System.Globalization;
using Edge.Fleet;
using Edge.Trainer.Fleet;

namespace Edge.Trainer.Commands;

/// <summary>
/// <c>edge-train publish-chunks --broker URL --archive FILE [--chunk-kb 256] [--clear]</c>: for sites without a model
/// server, puts a packed bundle on the broker as retained chunks and prints the <c>mqtt-chunks:&lt;sha256&gt;</c> URL
/// that an install command (<c>edge-train rollout --archive-url</c>) names; <c>--clear</c> takes them off again.
/// </summary>
internal static class PublishChunksCommand
{
    public static Command Create()
    {
        var broker = new Option<string>("--broker") { Description = "mqtt://HOST:PORT", Required = true };
        var archive = new Option<FileInfo>("--archive") { Description = "The zip from 'edge-train pack'.", Required = true };
        var chunkKb = new Option<int>("--chunk-kb")
        {
            Description = $"Chunk size in KiB, {ArchiveChunks.MinChunkBytes / 1024}..{ArchiveChunks.MaxChunkBytes / 1024}; each chunk is one MQTT message.",
            DefaultValueFactory = _ => ArchiveChunks.DefaultChunkBytes / 1024,
        };
        var clear = new Option<bool>("--clear") { Description = "Remove the archive's chunks and manifest from the broker instead." };
        var command = new Command("publish-chunks", "Publish a packed bundle as retained MQTT chunks, for devices without a model server.")
        {
            broker, archive, chunkKb, clear,
        };
        command.SetAction((result, cancel) => CommandErrors.RunAsync(async () =>
        {
            var address = BrokerAddress.Parse(result.GetValue(broker)!);
            var kib = result.GetValue(chunkKb);
            if (kib < ArchiveChunks.MinChunkBytes / 1024 || kib > ArchiveChunks.MaxChunkBytes / 1024)
            {
                throw new UserInputException($"--chunk-kb must be {ArchiveChunks.MinChunkBytes / 1024}..{ArchiveChunks.MaxChunkBytes / 1024} (got {kib}).");
            }
            var file = result.GetValue(archive)!.FullName;
            var packed = RolloutArchive.Read(file);
            var root = ArchiveChunks.Root(packed.Sha256);
            var at = $"{address.Host}:{address.Port.ToString(CultureInfo.InvariantCulture)}";
            if (result.GetValue(clear))
            {
                var (chunks, hadManifest) = await ChunkPublisher.ClearAsync(address, packed, kib * 1024, cancel).ConfigureAwait(false);
                Console.WriteLine($"cleared {root}/ on {at}: the manifest and {chunks} chunk(s)"
                    + (hadManifest ? "" : $" (there was no manifest: chunks of {kib} KiB assumed)"));
                return 0;
            }
            var manifest = await ChunkPublisher.PublishAsync(address, file, packed, kib * 1024, cancel).ConfigureAwait(false);
            Console.WriteLine($"published {Path.GetFileName(file)} ({packed.Version}, {packed.Size} bytes) as {manifest.Count} retained chunk(s) of {kib} KiB under {root}/ on {at}");
            Console.WriteLine($"url: {ArchiveChunks.Url(packed.Sha256)}");
            Console.WriteLine($"size: {packed.Size.ToString(CultureInfo.InvariantCulture)}");
            Console.WriteLine($"roll out with: edge-train rollout --broker {result.GetValue(broker)} --archive-url {ArchiveChunks.Url(packed.Sha256)} --archive {file} --devices SITE/DEVICE");
            return 0;
        }));
        return command;
    }
}
