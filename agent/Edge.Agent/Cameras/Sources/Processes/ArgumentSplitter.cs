using System.Text;

namespace Edge.Agent.Cameras.Sources.Processes;

/// <summary>
/// Splits a command-line fragment from the settings (<c>-re -i "my clip.mp4"</c>) into arguments the way
/// a POSIX shell would for words and quotes, without running a shell: no variables, globs or pipes.
/// </summary>
public static class ArgumentSplitter
{
    /// <exception cref="FormatException">A quote is not closed or the text ends in a lone backslash.</exception>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var arguments = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            switch (c)
            {
                case '\'':
                    i = ReadSingleQuoted(text, i, current);
                    break;
                case '"':
                    i = ReadDoubleQuoted(text, i, current);
                    break;
                case '\\':
                    if (i + 1 == text.Length)
                    {
                        throw new FormatException($"The arguments end in a lone backslash: {text}");
                    }
                    current.Append(text[++i]);
                    break;
                default:
                    current.Append(c);
                    break;
            }
        }
        if (inWord)
        {
            arguments.Add(current.ToString());
        }
        return arguments;
    }

    // Everything up to the next single quote is literal; returns the index of the closing quote.
    private static int ReadSingleQuoted(string text, int open, StringBuilder into)
    {
        var close = text.IndexOf('\'', open + 1);
        if (close < 0)
        {
            throw new FormatException($"A single quote at position {open} is not closed: {text}");
        }
        into.Append(text, open + 1, close - open - 1);
        return close;
    }

    // Backslash escapes only ", \, $ and ` inside double quotes, as in a shell.
    private static int ReadDoubleQuoted(string text, int open, StringBuilder into)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return i;
            }
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
            {
                c = text[++i];
            }
            into.Append(c);
        }
        throw new FormatException($"A double quote at position {open} is not closed: {text}");
    }
}
