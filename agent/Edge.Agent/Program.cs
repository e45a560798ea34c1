using System.CommandLine;

namespace Edge.Agent;

/// <summary>Entry point of <c>edge-agent</c>, the on-device service.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("edge-agent: camera frames to anomaly alarms over MQTT.");
        return root.Parse(args).Invoke();
    }
}
