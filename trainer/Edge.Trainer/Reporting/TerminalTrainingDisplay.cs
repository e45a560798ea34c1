using System.Globalization;
using Edge.Trainer.Training;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Edge.Trainer.Reporting;

/// <summary>
/// A Spectre.Console progress bar per phase (share of steps done, steps, time left), and under the bars each phase's
/// latest loss terms and codebook perplexity. Checkpoint and other lines print above the bars.
/// </summary>
public sealed class TerminalTrainingDisplay : TrainingDisplay
{
    private readonly IAnsiConsole _console;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _terms = new(StringComparer.Ordinal);

    // Filled once before training starts, then only read (the display refreshes on its own thread).
    private IReadOnlyDictionary<string, ProgressTask> _tasks = new Dictionary<string, ProgressTask>();
    private bool _showing;

    public TerminalTrainingDisplay(IAnsiConsole console, TrainingOptions options, double elapsedAtStart, Func<double>? clock = null)
        : base(options, elapsedAtStart, clock)
    {
        _console = console;
    }

    public override T Show<T>(Func<T> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        try
        {
            _showing = true;
            return ShowBars(training);
        }
        finally
        {
            _showing = false;
        }
    }

    public override void Step(string phase, int step, int totalSteps)
    {
        base.Step(phase, step, totalSteps);
        if (!_tasks.TryGetValue(phase, out var task))
        {
            return;
        }
        foreach (var earlier in Phases.TakeWhile(p => p.Name != phase))
        {
            _tasks[earlier.Name].StopTask();
        }
        if (!task.IsStarted)
        {
            task.StartTask();
        }
        task.Value = step;
        if (step >= totalSteps)
        {
            task.StopTask();
        }
    }

    public override void Report(TrainingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_lock)
        {
            _terms[progress.Phase] = ProgressText.Terms(progress);
        }
    }

    public override void CheckpointWritten(CheckpointState state, string path)
    {
        ArgumentNullException.ThrowIfNull(state);
        _console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"checkpoint: {state.Phase} step {state.Step}/{state.TotalSteps} saved to {path}")));
    }

    /// <summary>Above the bars while they show; otherwise as it is, unwrapped (a command to copy stays one line).</summary>
    public override void Line(string text)
    {
        if (_showing)
        {
            _console.WriteLine(text);
        }
        else
        {
            _console.Profile.Out.Writer.WriteLine(text);
        }
    }

    private T ShowBars<T>(Func<T> training) =>
        _console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 30 }, new PercentageColumn(),
                new StepsColumn(), new TimeLeftColumn(this))
            .UseRenderHook((bars, _) => new Rows(bars, TermsTable()))
            .Start(context =>
            {
                _tasks = Phases.ToDictionary(
                    p => p.Name, p => context.AddTask(Markup.Escape(p.Name), autoStart: false, maxValue: Math.Max(1, p.Steps)), StringComparer.Ordinal);
                return training();
            });

    /// <summary>One line per phase that has reported: its name and latest loss terms.</summary>
    private Grid TermsTable()
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        lock (_lock)
        {
            foreach (var phase in Phases.Where(p => _terms.ContainsKey(p.Name)))
            {
                grid.AddRow(new Text("  " + phase.Name, new Style(decoration: Decoration.Dim)), new Text(_terms[phase.Name], new Style(decoration: Decoration.Dim)));
            }
        }
        return grid;
    }

    /// <summary>"180/400".</summary>
    private sealed class StepsColumn : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(string.Create(CultureInfo.InvariantCulture, $"{(long)task.Value}/{(long)task.MaxValue}"));
    }

    /// <summary>The time left of the phase a bar shows ("done" once finished).</summary>
    private sealed class TimeLeftColumn(TerminalTrainingDisplay display) : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var phase = display._tasks.FirstOrDefault(p => p.Value == task).Key;
            var text = task.IsFinished ? "done" : phase is null || !task.IsStarted ? "" : display.EtaText(phase);
            return new Text(text.Length == 0 || text == "done" ? text : text + " left");
        }
    }
}
