using System.Globalization;
using System.Text;

namespace Edge.Agent.Configuration;

/// <summary>One thing wrong with a configuration, at a JSON path such as <c>$.mqtt.port</c>.</summary>
public sealed record ConfigProblem(string Path, string Message)
{
    /// <summary>
    /// <c>path: message</c> on one line: a key may hold a line break or another control character (JSON escapes allow
    /// it), which is written as its <c>\u</c> escape so that a problem stays one journal entry.
    /// </summary>
    public override string ToString() => Visible($"{Path}: {Message}");

    private static string Visible(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }
        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            result.Append(char.IsControl(c) ? $"\\u{((int)c).ToString("x4", CultureInfo.InvariantCulture)}" : c);
        }
        return result.ToString();
    }
}
