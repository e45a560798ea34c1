using System.CommandLine;
using Edge.Fleet;
using Edge.Trainer.Fleet;

namespace Edge.Trainer.Commands;

/// <summary>
/// <c>edge-train rollout --broker URL --archive-url URL --devices FILTER --key K</c>: installs a packed bundle (from an http(s)
/// server, or sent as MQTT chunks by <see cref="PublishChunksCommand"/>) on the matching online devices, wave by wave,
/// each device getting one install command signed for it, and watches each one's model state to its end. Exit code 0 only when every targeted
/// device ended active on the version; 2 when the rollout ran but did not get there; 1 for bad input.
/// </summary>
internal static class RolloutCommand
{
    /// <summary>The exit code of a rollout that ran but left a device not active on the version.</summary>
    public const int NotEverywhere = 2;

    public static Command Create()
    {
        var broker = new Option<string>("--broker") { Description = "mqtt://HOST:PORT", Required = true };
        var archiveUrl = new Option<string>("--archive-url") { Description = "http(s) address the devices download the archive from, or mqtt-chunks:<sha256> from 'edge-train publish-chunks'.", Required = true };
        var devices = new Option<string>("--devices") { Description = "site/device filter; '+' matches any (plant1/box1, plant1/+, +/+).", Required = true };
        var archive = new Option<FileInfo>("--archive") { Description = "The zip from 'edge-train pack': gives the version, SHA-256 and size." };
        var version = new Option<string>("--version") { Description = "Bundle version (required without --archive)." };
        var sha256 = new Option<string>("--sha256") { Description = "SHA-256 of the archive, 64 hex digits (required without --archive)." };
        var size = new Option<long?>("--size") { Description = "Archive size in bytes (required without --archive)." };
        var waves = new Option<string>("--waves") { Description = "Waves: a count of devices or a cumulative percentage, ending with 100%.", DefaultValueFactory = _ => "1,10%,100%" };
        var halt = new Option<bool>("--halt-on-failure") { Description = "Stop at the first failed device." };
        var maxFailureRate = new Option<double>("--max-failure-rate") { Description = "Share of a wave (0..1) that may fail before the rollout stops.", DefaultValueFactory = _ => 0 };
        var timeout = new Option<double>("--timeout-minutes") { Description = "How long each device has to reach a final state.", DefaultValueFactory = _ => 30 };
        var key = new Option<FileInfo>("--key") { Description = "Private key from 'edge-train keygen' that signs each command; devices list its .pub in updates.commandKeys (or trustedKeys).", Required = true };
        var force = new Option<bool>("--force") { Description = "Install even when the version is not newer than the device's (never below its version floor)." };
        var floor = new Option<string>("--floor") { Description = "Raise each device's version floor to V: afterwards no command installs or rolls back to a version below it." };
        var json = new Option<bool>("--json") { Description = "One JSON line per device at the end instead of the table." };
        var listen = new Option<double>("--listen-seconds") { Description = "How long to listen for the devices' retained status.", DefaultValueFactory = _ => 2 };
        var command = new Command("rollout", "Install a packed bundle on matching devices in waves and watch them to the end.")
        {
            broker, archiveUrl, devices, archive, version, sha256, size, waves, halt, maxFailureRate, timeout, key, force, floor, json, listen,
        };
        command.SetAction((result, cancel) => CommandErrors.RunAsync(async () =>
        {
            var address = BrokerAddress.Parse(result.GetValue(broker)!);
            var filter = ParseFilter(result.GetValue(devices)!);
            var seconds = result.GetValue(listen);
            if (seconds is < 0 or > 3600 || double.IsNaN(seconds))
            {
                throw new UserInputException($"--listen-seconds must be 0..3600 (got {seconds}).");
            }
            var packed = result.GetValue(archive) is { } file ? RolloutArchive.Read(file.FullName) : null;
            var settings = RolloutSettings.Create(result.GetValue(archiveUrl)!, packed, result.GetValue(version), result.GetValue(sha256),
                result.GetValue(size), result.GetValue(waves)!, result.GetValue(halt), result.GetValue(maxFailureRate), result.GetValue(timeout),
                result.GetValue(force), result.GetValue(floor));
            using var signer = PrivateKeyFile.Load(result.GetValue(key)!.FullName);

            var found = await FleetListing.ReadAsync(address, filter, TimeSpan.FromSeconds(seconds), cancel).ConfigureAwait(false);
            var online = found.Where(d => d.Status == "online").ToList();
            var offline = found.Where(d => d.Status is not null and not "online").Select(d => $"{d.Site}/{d.Device}").ToList();
            if (online.Count == 0)
            {
                throw new UserInputException(offline.Count == 0
                    ? $"No device matching {filter} has a status on the broker at {address.Host}:{address.Port}: check --devices and that the agents are connected."
                    : $"No device matching {filter} is online ({offline.Count} offline: {string.Join(", ", offline.Take(5))}).");
            }

            var display = RolloutTable.Choose(result.GetValue(json));
            var table = new RolloutTable(display);
            using var run = await RolloutRun.StartAsync(address, filter, online, settings, table.Changed, signer, null, cancel).ConfigureAwait(false);
            table.Seed(run.Rows);
            if (display != RolloutDisplay.Json)
            {
                Console.WriteLine($"rolling out {settings.Version} to {online.Count} device(s) matching {filter} in {run.Waves} wave(s) ({settings.Waves})"
                    + (offline.Count > 0 ? $"; {offline.Count} offline device(s) left out: {string.Join(", ", offline)}" : ""));
            }
            var outcome = await table.ShowAsync(() => run.RunAsync(cancel)).ConfigureAwait(false);
            var summary = outcome.Summary();
            if (display == RolloutDisplay.Json || !outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync($"edge-train: {summary}").ConfigureAwait(false);
            }
            else
            {
                Console.WriteLine(summary);
            }
            return outcome.Succeeded ? 0 : NotEverywhere;
        }));
        return command;
    }

    private static DeviceFilter ParseFilter(string text)
    {
        try
        {
            return DeviceFilter.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UserInputException($"--devices: {e.Message}");
        }
    }
}
