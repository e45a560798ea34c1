using System.Net;
using System.Text;

namespace Edge.Agent.Http;

/// <summary>What every page of the local endpoint starts and ends with: phone-sized viewport, the agent's own style and script, nothing from elsewhere.</summary>
internal static class PageShell
{
    public static void Open(StringBuilder html, string title) =>
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" - edge-agent</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(PageAssets.StylePath).Append("\"><script src=\"").Append(PageAssets.ScriptPath).Append("\" defer></script></head><body>");

    public static string Close(StringBuilder html) => html.Append("</body></html>").ToString();

    /// <summary>Text as HTML: every name on the pages comes from a config file or a camera.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);
}
