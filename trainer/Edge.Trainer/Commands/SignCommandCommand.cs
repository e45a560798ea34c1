using System.CommandLine;
using System.Globalization;
using System.Text;
using Edge.Bundles.Versioning;
using Edge.Fleet;

namespace Edge.Trainer.Commands;

/// <summary>
/// <c>edge-train sign-command --key K --device SITE/DEVICE --action rollback|report [--floor V]</c>: prints one model
/// command signed for that device, valid for 15 minutes, for <c>mosquitto_pub -t edge/SITE/DEVICE/cmd/model -m ...</c>.
/// Installs go out with <c>rollout</c>, which signs them itself.
/// </summary>
internal static class SignCommandCommand
{
    public static Command Create()
    {
        var key = new Option<FileInfo>("--key") { Description = "Private key from 'edge-train keygen'; the device lists its .pub in updates.commandKeys (or trustedKeys).", Required = true };
        var device = new Option<string>("--device") { Description = "The one device the command is for: site/device.", Required = true };
        var action = new Option<string>("--action") { Description = "rollback (to the device's previous version) or report (publish its model state again).", Required = true };
        var floor = new Option<string>("--floor") { Description = "With report: raise the device's version floor to V (at most its active version)." };
        var id = new Option<string>("--id") { Description = "The command id (letters, digits, '-', '_', '.'); a fresh one by default." };
        var command = new Command("sign-command", "Print a model command (rollback, report) signed for one device, to publish on its cmd/model topic.")
        {
            key, device, action, floor, id,
        };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var topics = FleetTopics.ParseDevice(result.GetValue(device)!)
                ?? throw new UserInputException($"--device '{result.GetValue(device)}' is not site/device (two MQTT topic levels without '+', '#' or spaces).");
            var kind = result.GetValue(action) switch
            {
                "rollback" => ModelAction.Rollback,
                "report" => ModelAction.Report,
                var other => throw new UserInputException($"--action '{other}' is not rollback or report (installs go out with 'edge-train rollout')."),
            };
            var floorText = result.GetValue(floor);
            if (floorText is not null && (kind != ModelAction.Report || !SemanticVersion.TryParse(floorText, out _)))
            {
                throw new UserInputException($"--floor '{floorText}' must be a semantic version, with --action report.");
            }
            var now = DateTimeOffset.UtcNow;
            var unsigned = new ModelCommand
            {
                Id = result.GetValue(id) ?? string.Create(CultureInfo.InvariantCulture, $"c{now:yyyyMMddTHHmmss}-{Guid.NewGuid().ToString("N")[..8]}"),
                Action = kind,
                IssuedUtc = now,
                Floor = floorText,
            };
            using var signer = PrivateKeyFile.Load(result.GetValue(key)!.FullName);
            var signed = ModelCommandSignature.Sign(unsigned, topics, now, ModelCommandSignature.DefaultLifetime, signer);
            var json = ModelCommandJson.Serialize(signed);
            try
            {
                // The same strict reading a device gives it: an id it would refuse is refused here.
                ModelCommandJson.Parse(json);
            }
            catch (ModelCommandException e)
            {
                throw new UserInputException($"the command would be refused: {e.Message}", e);
            }
            Console.WriteLine(Encoding.UTF8.GetString(json));
            return 0;
        }));
        return command;
    }
}
