using System.Text.Json;
using Edge.Trainer.Training;

namespace Edge.Trainer.Runs;

/// <summary>
/// log.jsonl: one <see cref="TrainingProgress"/> per line, flushed as it is written. A resumed run keeps the lines up
/// to its checkpoint (dropping any written after it, and a line torn by a hard kill) and appends after them.
/// </summary>
public sealed class TrainingLog : IDisposable
{
    private readonly StreamWriter _writer;

    private TrainingLog(StreamWriter writer)
    {
        _writer = writer;
    }

    public static string PathIn(string runFolder) => Path.Combine(runFolder, TrainingRun.LogFile);

    /// <summary>A new, empty log.</summary>
    public static TrainingLog Start(string runFolder) => new(new StreamWriter(PathIn(runFolder), append: false));

    /// <summary>The log of a run resumed from <paramref name="checkpoint"/>: the lines it covers, then what follows.</summary>
    public static TrainingLog Continue(string runFolder, CheckpointState checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var kept = Read(runFolder).Where(p => Covers(checkpoint, p)).ToList();
        var log = new TrainingLog(new StreamWriter(PathIn(runFolder), append: false));
        foreach (var line in kept)
        {
            log.Write(line);
        }
        return log;
    }

    public void Write(TrainingProgress progress)
    {
        _writer.WriteLine(JsonSerializer.Serialize(progress));
        _writer.Flush();
    }

    /// <summary>Every readable line of the run's log (none when it has no log).</summary>
    public static IReadOnlyList<TrainingProgress> Read(string runFolder)
    {
        var path = PathIn(runFolder);
        if (!File.Exists(path))
        {
            return [];
        }
        var lines = new List<TrainingProgress>();
        foreach (var text in File.ReadLines(path))
        {
            try
            {
                if (JsonSerializer.Deserialize<TrainingProgress>(text) is { Phase: not null } line)
                {
                    lines.Add(line);
                }
            }
            catch (JsonException)
            {
                // A line cut short by a hard kill: the resumed run writes it again.
            }
        }
        return lines;
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Whether the checkpoint includes the step a log line reports (phases run auto-encoder, then prior).</summary>
    private static bool Covers(CheckpointState checkpoint, TrainingProgress line) => line.Phase switch
    {
        CheckpointState.AutoEncoderPhase => checkpoint.Phase == CheckpointState.PriorPhase || line.Step <= checkpoint.Step,
        CheckpointState.PriorPhase => checkpoint.Phase == CheckpointState.PriorPhase && line.Step <= checkpoint.Step,
        _ => false,
    };
}
