using Edge.Agent.Configuration;
using Microsoft.Data.Sqlite;

namespace Edge.Agent.Commands;

/// <summary>Turns what can go wrong before the agent runs into one line on stderr and an exit code, never a stack trace.</summary>
internal static class StartupErrors
{
    public const int BadConfig = 2;

    public const int CannotStart = 1;

    public static async Task<int> GuardAsync(string command, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (ConfigException e)
        {
            await Console.Error.WriteLineAsync($"edge-agent {command}: refusing to start: {e.Message}").ConfigureAwait(false);
            return BadConfig;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or StartupException)
        {
            await Console.Error.WriteLineAsync($"edge-agent {command}: cannot start: {e.Message}").ConfigureAwait(false);
            return CannotStart;
        }
    }
}
