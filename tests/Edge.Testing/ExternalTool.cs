using System.Diagnostics;

namespace Edge.Testing;

/// <summary>
/// Runs a program that no one here wrote (python3's onnx, ffmpeg, mosquitto_sub ...) to completion and returns
/// its standard output; a non-zero exit fails with the program's own error output.
/// </summary>
public static class ExternalTool
{
    /// <summary>Debian's Python, which has python3-onnx and python3-torch (the python3 on PATH may be another one).</summary>
    public const string DebianPython = "/usr/bin/python3";

    public static string Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run {program}: {e.Message}. Run 'make setup' to install the test tools.", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (standardInput is not null)
            {
                process.StandardInput.Write(standardInput);
                process.StandardInput.Close();
            }
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} ran over its time limit.");
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new ExternalToolException(program, process.ExitCode, errors.Result.Trim());
            }
            return output.Result;
        }
    }

    /// <summary>Runs a program that reports on standard error even when it succeeds; returns both streams together.</summary>
    public static string RunCapturingAll(string program, IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        Run("sh", new[] { "-c", "exec \"$0\" \"$@\" 2>&1", program }.Concat(arguments), timeout);

    /// <summary>Runs a Python snippet under Debian's python3; extra arguments arrive in sys.argv[1:].</summary>
    public static string Python(string script, params string[] arguments) =>
        Run(DebianPython, new[] { "-c", script }.Concat(arguments));
}
