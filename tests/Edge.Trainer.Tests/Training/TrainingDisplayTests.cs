using Edge.Trainer.Model;
using Edge.Trainer.Reporting;
using Edge.Trainer.Training;
using Spectre.Console;

namespace Edge.Trainer.Tests.Training;

public sealed class TrainingDisplayTests
{
    private static readonly TrainingOptions Options = new() { Model = new PvqaeConfig(), Steps = 100, PriorSteps = 10, MaxMinutes = 10 };

    private static TrainingProgress Report(string phase, int step) =>
        new(phase, step, phase == CheckpointState.PriorPhase ? 10 : 100, 0.1234, 0.05, 0.002, 0.75, [12.3, 4.5, 6.7], 20);

    [Fact]
    public void Time_left_is_the_remaining_steps_at_this_sessions_pace_capped_by_the_time_budget()
    {
        var now = 0.0;
        var eta = new EtaEstimate(elapsedAtStart: 100, () => now);
        Assert.Null(eta.Remaining("autoencoder", 100, 1000));

        eta.Observe("autoencoder", 10);
        now = 20;
        eta.Observe("autoencoder", 20);

        Assert.Equal(160, eta.Remaining("autoencoder", 100, 1000)!.Value, 9);
        Assert.Equal(30, eta.Remaining("autoencoder", 100, 150)!.Value, 9); // 100 s before this session + 20 s in it
        Assert.Null(eta.Remaining("prior", 10, 1000));
    }

    [Fact]
    public void Plain_lines_show_phase_step_loss_terms_perplexity_and_time_left_and_checkpoints()
    {
        var now = 0.0;
        using var output = new StringWriter();
        var display = new PlainTrainingDisplay(output, Options, 0, () => now);
        display.Step("autoencoder", 1, 100);
        now = 10;
        display.Step("autoencoder", 50, 100);

        display.Show(() =>
        {
            display.Report(Report("autoencoder", 50));
            display.CheckpointWritten(new CheckpointState("autoencoder", 50, 100, 20, "sha256:x", null), "/run/checkpoint.safetensors");
            return 0;
        });

        var lines = output.ToString().Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(
            ["autoencoder step    50/100  loss 0.1234  recon 0.0500  vq 0.0020  budget 0.7500  perplexity 12.3 4.5 6.7  20s  eta 10s",
             "checkpoint: autoencoder step 50/100 saved to /run/checkpoint.safetensors"],
            lines);
    }

    [Fact]
    public void The_terminal_display_draws_a_bar_per_phase_with_steps_and_the_latest_loss_terms_under_them()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes, Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;
        var display = new TerminalTrainingDisplay(console, Options, 0);

        display.Show(() =>
        {
            for (var step = 1; step <= 100; step++)
            {
                display.Step("autoencoder", step, 100);
            }
            display.Report(Report("autoencoder", 100));
            display.CheckpointWritten(new CheckpointState("autoencoder", 100, 100, 20, "sha256:x", null), "/run/checkpoint.safetensors");
            display.Step("prior", 5, 10);
            display.Report(Report("prior", 5));
            return 0;
        });

        var text = output.ToString();
        Assert.Contains("checkpoint: autoencoder step 100/100 saved to /run/checkpoint.safetensors", text, StringComparison.Ordinal);
        Assert.Contains("100/100", text, StringComparison.Ordinal);
        Assert.Contains("5/10", text, StringComparison.Ordinal);
        Assert.Contains("done", text, StringComparison.Ordinal);
        Assert.Contains("loss 0.1234  recon 0.0500  vq 0.0020  budget 0.7500  perplexity 12.3 4.5 6.7", text, StringComparison.Ordinal);
        Assert.Contains("━", text, StringComparison.Ordinal);
    }
}
