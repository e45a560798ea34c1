using System.Reflection;

namespace Edge.Agent.Http;

/// <summary>The page's style sheet and script, built into the agent (Http/Assets) so the page needs nothing from the network.</summary>
internal static class PageAssets
{
    public const string StylePath = "/assets/status.css";
    public const string ScriptPath = "/assets/status.js";

    public static readonly byte[] Style = Load("status.css");
    public static readonly byte[] Script = Load("status.js");

    private static byte[] Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Edge.Agent.Http.Assets." + name)
            ?? throw new InvalidOperationException($"the agent was built without its page asset {name}");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
