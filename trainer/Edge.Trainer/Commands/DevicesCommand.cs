using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Edge.Fleet;
using Edge.Trainer.Fleet;
using Spectre.Console;

namespace Edge.Trainer.Commands;

/// <summary><c>edge-train devices --broker URL</c>: the fleet as its retained topics and health messages describe it.</summary>
internal static class DevicesCommand
{
    public static Command Create()
    {
        var broker = new Option<string>("--broker") { Description = "mqtt://HOST:PORT", Required = true };
        var devices = new Option<string>("--devices") { Description = "site/device filter; '+' matches any (plant1/+, +/+).", DefaultValueFactory = _ => "+/+" };
        var json = new Option<bool>("--json") { Description = "One JSON line per device instead of a table." };
        var listen = new Option<double>("--listen-seconds") { Description = "How long to wait for health messages.", DefaultValueFactory = _ => 3 };
        var command = new Command("devices", "List devices with their status, model version and health.") { broker, devices, json, listen };
        command.SetAction((result, cancel) => CommandErrors.RunAsync(async () =>
        {
            DeviceFilter filter;
            try
            {
                filter = DeviceFilter.Parse(result.GetValue(devices)!);
            }
            catch (FormatException e)
            {
                throw new UserInputException(e.Message);
            }
            var seconds = result.GetValue(listen);
            if (seconds is < 0 or > 3600)
            {
                throw new UserInputException($"--listen-seconds must be 0..3600 (got {seconds}).");
            }
            var found = await FleetListing.ReadAsync(BrokerAddress.Parse(result.GetValue(broker)!), filter, TimeSpan.FromSeconds(seconds), cancel).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                foreach (var d in found)
                {
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        site = d.Site, device = d.Device, status = d.Status, modelVersion = d.ModelVersion,
                        modelState = d.Model?.State, reason = d.Model?.Reason, fps = d.Fps, executionProvider = d.ExecutionProvider,
                    }));
                }
                return 0;
            }
            var table = new Table().AddColumns("device", "status", "model", "update", "fps", "provider");
            foreach (var d in found)
            {
                table.AddRow(Markup.Escape($"{d.Site}/{d.Device}"), Markup.Escape(d.Status ?? "?"), Markup.Escape(d.ModelVersion ?? "-"),
                    Markup.Escape(d.Model is { } m ? (m.Reason is null ? m.State : $"{m.State}: {m.Reason}") : "-"),
                    d.Fps?.ToString("F1", CultureInfo.InvariantCulture) ?? "-", Markup.Escape(d.ExecutionProvider ?? "-"));
            }
            AnsiConsole.Write(table);
            Console.WriteLine($"{found.Count} device(s) matching {filter}");
            return 0;
        }));
        return command;
    }
}
