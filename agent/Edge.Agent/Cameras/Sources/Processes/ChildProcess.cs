using System.ComponentModel;
using System.Diagnostics;

namespace Edge.Agent.Cameras.Sources.Processes;

/// <summary>
/// A program (ffmpeg, gst-launch-1.0) started without a shell, whose stdout is read as raw frames and whose
/// stderr is kept (last lines) to explain failures. Disposing kills it and its children and reaps them.
/// If the agent dies without disposing (a crash, SIGKILL), the kernel kills the child too: it is started
/// through util-linux's <c>setpriv --pdeathsig KILL</c>, so no orphan keeps a camera busy.
/// </summary>
/// <remarks>
/// The kernel sends that signal when the thread that started the child ends, so start children from a
/// thread that outlives them (the supervisor's capture thread does; a pool thread may retire any time).
/// The signal is armed a moment after the start (setpriv arms it, then becomes the program): a thread
/// that ended within that moment would leave the child without it.
/// </remarks>
internal sealed class ChildProcess : IDisposable
{
    private static readonly TimeSpan ReapTimeout = TimeSpan.FromSeconds(5);

    // Part of util-linux, which every Debian and Ubuntu system has; without it children are only killed on dispose.
    private static readonly string? Setpriv = ExecutableSearch.Find("setpriv");

    private readonly Process _process;
    private readonly Action<string?>? _onStderrLine;
    private int _disposed;

    private ChildProcess(Process process, string program, StderrTail stderr, Action<string?>? onStderrLine)
    {
        _process = process;
        Program = program;
        Stderr = stderr;
        _onStderrLine = onStderrLine;
    }

    public string Program { get; }

    public StderrTail Stderr { get; }

    /// <summary>The child's process id (kept after it exited, for logs and checks).</summary>
    public int Id { get; private set; }

    /// <summary>The child's stdout, unbuffered bytes.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>
    /// Starts <paramref name="program"/>. <paramref name="onStderrLine"/> sees every stderr line on a pool
    /// thread, then null once stderr is closed.
    /// </summary>
    /// <exception cref="CameraSourceException">The program could not be started (permanent: retrying will not install it).</exception>
    public static ChildProcess Start(string program, IEnumerable<string> arguments, string installHint, int stderrLines = 20, Action<string?>? onStderrLine = null)
    {
        var path = ExecutableSearch.Find(program)
            ?? throw new CameraSourceException($"Cannot start {program}: it is not installed (not found{(program.Contains('/', StringComparison.Ordinal) ? "" : " on PATH")}). {installHint}", isPermanent: true);
        var startInfo = new ProcessStartInfo(Setpriv ?? path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Setpriv is not null)
        {
            // setpriv sets the death signal, then execs the program in place (same pid).
            startInfo.ArgumentList.Add("--pdeathsig");
            startInfo.ArgumentList.Add("KILL");
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(path);
        }
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = startInfo };
        var child = new ChildProcess(process, program, new StderrTail(stderrLines), onStderrLine);
        process.ErrorDataReceived += child.OnStderr;
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new CameraSourceException($"Cannot start {program}: {e.Message}. {installHint}", isPermanent: true, e);
        }
        child.Id = process.Id;
        // The child gets an empty stdin: nothing of ours (a terminal, a service's stdin) reaches it.
        process.StandardInput.Close();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Kills the child and its descendants now; safe from any thread, at any time, any number of times.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited, or already disposed.
        }
        catch (Win32Exception)
        {
            // Exited between the check and the signal.
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the child to exit and says how it ended, with its last stderr lines.</summary>
    public string DescribeExit(TimeSpan timeout)
    {
        string ending;
        if (WaitForExitAndStderr(timeout))
        {
            // A death by signal N shows as code 128 + N, as in a shell.
            ending = $"{Program} exited with code {_process.ExitCode}";
        }
        else
        {
            ending = $"{Program} (pid {Id}) closed its output but is still running";
        }
        var tail = Stderr.ToString();
        return tail.Length == 0 ? ending : $"{ending}; its last messages: {tail}";
    }

    /// <summary>The exit code, after <see cref="DescribeExit"/> saw the child exit; null while it runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        Kill();
        WaitForExitAndStderr(ReapTimeout);
        _process.ErrorDataReceived -= OnStderr;
        _process.Dispose();
    }

    private bool WaitForExitAndStderr(TimeSpan timeout)
    {
        try
        {
            if (!_process.WaitForExit(timeout))
            {
                return false;
            }
            // The overload without a timeout also waits for the last stderr line to be delivered.
            _process.WaitForExit();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private void OnStderr(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is not null)
        {
            Stderr.Add(e.Data);
        }
        _onStderrLine?.Invoke(e.Data);
    }
}
