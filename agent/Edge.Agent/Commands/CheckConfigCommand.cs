using System.CommandLine;
using Edge.Agent.Configuration;

namespace Edge.Agent.Commands;

/// <summary><c>edge-agent check-config --config FILE</c>: prints every problem with its JSON path; exit 1 if any.</summary>
internal static class CheckConfigCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var command = new Command("check-config", "Check a configuration file (and EDGE_ overrides) without starting anything.") { config };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(config)!;
            try
            {
                var loaded = ConfigFile.Load(path);
                Console.Out.WriteLine($"{path}: ok ({loaded.Cameras.Count} camera(s), broker {loaded.Mqtt.Host}:{loaded.Mqtt.Port})");
                return 0;
            }
            catch (ConfigException e)
            {
                foreach (var problem in e.Problems)
                {
                    Console.Error.WriteLine($"{path}: {problem}");
                }
                return 1;
            }
        });
        return command;
    }
}
