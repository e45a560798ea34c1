using Edge.Testing;

namespace Edge.Agent.Tests.Support;

/// <summary>Writes agent.json files for tests: a broker on a test port, state in a temp folder, no cameras unless given.</summary>
public static class AgentConfigFile
{
    public static string Write(
        TempFolder folder, int brokerPort, string cameras = "[]", string? model = null, string alarms = "{}", int? httpPort = null, string updates = "{}", string device = "box1", string? http = null)
    {
        var path = folder.File("agent.json");
        File.WriteAllText(path, $$"""
            {
              // Written by a test: a broker on a free port, state in the test's folder.
              "site": "plant1",
              "device": "{{device}}",
              "stateDirectory": "{{folder.Path}}/state",
              "mqtt": { "host": "127.0.0.1", "port": {{brokerPort}}, "reconnectMinSeconds": 0.1, "reconnectMaxSeconds": 0.5 },
              "model": { "bundle": "{{model ?? folder.Path + "/no-bundle"}}" },
              "alarms": {{alarms}},
              "updates": {{updates}},
              "health": { "intervalSeconds": 0.5 },
              "http": {{http ?? (httpPort is { } port ? $"{{ \"port\": {port} }}" : "{ \"enabled\": false }")}},
              "cameras": {{cameras}},
            }
            """);
        return path;
    }
}
