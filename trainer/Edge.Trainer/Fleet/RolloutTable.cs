using System.Text.Json;
using Spectre.Console;

namespace Edge.Trainer.Fleet;

/// <summary>
/// Shows a rollout as it goes: a live table on an interactive terminal, one line per change otherwise (redirected
/// output, CI), and nothing until the end with <c>--json</c>, which then prints one JSON line per device.
/// </summary>
/// <remarks><see cref="Changed"/> may be called from any thread; the live table is redrawn only on the caller's.</remarks>
public sealed class RolloutTable
{
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(200);

    private readonly RolloutDisplay _display;
    private readonly IAnsiConsole _console;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RolloutDeviceStatus> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private bool _dirty;

    public RolloutTable(RolloutDisplay display)
    {
        _display = display;
        // Redirected output gets the table without colours or cursor moves: it is read by people and scripts in logs.
        _console = display == RolloutDisplay.Live
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(Console.Out) });
    }

    /// <summary>Live on a terminal that can redraw, lines when the output is redirected, or JSON.</summary>
    public static RolloutDisplay Choose(bool json) =>
        json ? RolloutDisplay.Json
        : !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive && AnsiConsole.Profile.Capabilities.Ansi ? RolloutDisplay.Live
        : RolloutDisplay.Lines;

    /// <summary>The rows before anything happened (all waiting), shown without a line each.</summary>
    public void Seed(IEnumerable<RolloutDeviceStatus> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        lock (_gate)
        {
            foreach (var row in rows)
            {
                if (_rows.TryAdd(row.Name, row))
                {
                    _order.Add(row.Name);
                }
            }
        }
    }

    /// <summary>Takes one changed row; in line mode prints it at once.</summary>
    public void Changed(RolloutDeviceStatus row)
    {
        ArgumentNullException.ThrowIfNull(row);
        lock (_gate)
        {
            if (!_rows.ContainsKey(row.Name))
            {
                _order.Add(row.Name);
            }
            _rows[row.Name] = row;
            _dirty = true;
        }
        if (_display == RolloutDisplay.Lines)
        {
            Console.WriteLine(Line(row));
        }
    }

    /// <summary>Runs <paramref name="work"/> while showing its progress, then shows the final rows.</summary>
    public async Task<RolloutResult> ShowAsync(Func<Task<RolloutResult>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_display != RolloutDisplay.Live)
        {
            var result = await work().ConfigureAwait(false);
            Final(result);
            return result;
        }
        return await _console.Live(Build(Snapshot())).AutoClear(false).StartAsync(async live =>
        {
            var running = work();
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(Redraw)).ConfigureAwait(false);
                if (TakeDirty())
                {
                    live.UpdateTarget(Build(Snapshot()));
                }
            }
            var result = await running.ConfigureAwait(false);
            live.UpdateTarget(Build(result.Devices));
            return result;
        }).ConfigureAwait(false);
    }

    /// <summary>The table of <paramref name="rows"/>: device, version, state, reason.</summary>
    public static Table Build(IEnumerable<RolloutDeviceStatus> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table().AddColumns("device", "version", "state", "reason");
        foreach (var row in rows)
        {
            var color = row.Outcome switch
            {
                RolloutOutcome.Succeeded => "green",
                RolloutOutcome.Failed or RolloutOutcome.Unfinished => "red",
                RolloutOutcome.InProgress => "yellow",
                _ => "grey",
            };
            table.AddRow(Markup.Escape(row.Name), Markup.Escape(row.Active ?? "-"), $"[{color}]{Markup.Escape(row.State)}[/]", Markup.Escape(row.Reason ?? ""));
        }
        return table;
    }

    /// <summary>One device as one JSON object on one line.</summary>
    public static string JsonLine(RolloutDeviceStatus row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return JsonSerializer.Serialize(new
        {
            site = row.Site, device = row.Device, wave = row.Wave, commandId = row.CommandId, version = row.Active,
            state = row.State, reason = row.Reason, succeeded = row.Outcome == RolloutOutcome.Succeeded,
        });
    }

    /// <summary>One change as one plain line: device, wave, version, state and reason.</summary>
    public static string Line(RolloutDeviceStatus row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return $"{row.Name} wave {row.Wave}: {row.State} (version {row.Active ?? "-"}){(row.Reason is null ? "" : $": {row.Reason}")}";
    }

    private void Final(RolloutResult result)
    {
        if (_display == RolloutDisplay.Json)
        {
            foreach (var row in result.Devices)
            {
                Console.WriteLine(JsonLine(row));
            }
            return;
        }
        _console.Write(Build(result.Devices));
    }

    private List<RolloutDeviceStatus> Snapshot()
    {
        lock (_gate)
        {
            return _order.Select(n => _rows[n]).ToList();
        }
    }

    private bool TakeDirty()
    {
        lock (_gate)
        {
            var dirty = _dirty;
            _dirty = false;
            return dirty;
        }
    }
}
