using System.Diagnostics;

namespace Edge.Bundles.Tests.Support;

/// <summary>Runs Debian's Python (which has numpy through python3-onnx) as an independent reader and writer of our formats.</summary>
internal static class Python
{
    private const string Interpreter = "/usr/bin/python3";

    public static string Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Interpreter} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Interpreter} failed with exit code {process.ExitCode}: {errors.Result}");
        }
        return output.Trim();
    }
}
