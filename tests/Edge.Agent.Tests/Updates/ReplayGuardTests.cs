using Edge.Agent.Updates;
using Edge.Testing;

namespace Edge.Agent.Tests.Updates;

/// <summary>The replay guard on a real file: what it remembers across restarts, and what a crash can leave of it.</summary>
public sealed class ReplayGuardTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(60);
    private readonly TempFolder _temp = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    private string Path => _temp.File("updates/seen-commands.json");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_admitted_id_is_appended_to_the_same_file_not_written_as_a_new_one()
    {
        var guard = NewGuard();
        Assert.Null(guard.Admit("first", _clock.GetUtcNow()));
        // A reader that opened the file before the next command still sees the next id: the file was appended to,
        // not replaced by a rewritten copy (which cost a whole rewrite and fsync per command).
        using var reader = new StreamReader(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        var before = new FileInfo(Path).Length;

        Assert.Null(guard.Admit("second", _clock.GetUtcNow()));

        var content = reader.ReadToEnd();
        Assert.Contains("second", content, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path).Length - before < 64, "one command should add one short line");
    }

    [Fact]
    public void Ids_are_refused_after_a_restart_and_a_torn_last_line_left_by_kill_9_is_ignored()
    {
        var guard = NewGuard();
        Assert.Null(guard.Admit("cmd-1", _clock.GetUtcNow()));
        Assert.Null(guard.Admit("cmd-2", _clock.GetUtcNow()));
        // What a kill -9 in the middle of an append leaves: part of a line, no newline.
        File.AppendAllText(Path, "2026-12-01T08:00:00.0000000Z cmd");

        var restarted = NewGuard();
        var replayed = restarted.Admit("cmd-2", _clock.GetUtcNow());
        Assert.Null(restarted.Admit("cmd-3", _clock.GetUtcNow()));
        var again = NewGuard();

        Assert.Contains("'cmd-2' was already received", replayed, StringComparison.Ordinal);
        Assert.NotNull(again.Admit("cmd-1", _clock.GetUtcNow()));
        Assert.NotNull(again.Admit("cmd-3", _clock.GetUtcNow()));
        Assert.Null(again.Admit("cmd", _clock.GetUtcNow()));
    }

    [Fact]
    public void The_file_is_compacted_now_and_then_so_it_holds_about_the_ids_of_one_window()
    {
        var guard = NewGuard();
        // 3,000 commands, one a minute: at most the last 60 are in the window at any time.
        for (var i = 0; i < 3000; i++)
        {
            Assert.Null(guard.Admit($"cmd-{i}", _clock.GetUtcNow()));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        var lines = File.ReadAllLines(Path).Length;
        var restarted = NewGuard();

        Assert.InRange(lines, 55, 1000);
        Assert.NotNull(restarted.Admit("cmd-2999", _clock.GetUtcNow()));
        Assert.NotNull(restarted.Admit("cmd-2950", _clock.GetUtcNow()));
    }

    [Fact]
    public void A_file_written_in_the_earlier_json_form_still_refuses_its_ids()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllText(Path, "{\"old-1\":\"2026-12-01T07:59:00+00:00\",\"old-2\":\"2026-12-01T07:58:00+00:00\"}");

        var guard = NewGuard();

        Assert.NotNull(guard.Admit("old-1", _clock.GetUtcNow()));
        Assert.NotNull(guard.Admit("old-2", _clock.GetUtcNow()));
        Assert.Null(guard.Admit("new-1", _clock.GetUtcNow()));
        Assert.NotNull(NewGuard().Admit("old-1", _clock.GetUtcNow()));
    }

    [Fact]
    public void An_id_withdrawn_because_the_device_was_busy_may_come_again_also_after_a_restart()
    {
        var guard = NewGuard();
        Assert.Null(guard.Admit("kept", _clock.GetUtcNow()));
        Assert.Null(guard.Admit("busy-1", _clock.GetUtcNow()));

        guard.Withdraw("busy-1");
        var again = guard.Admit("busy-1", _clock.GetUtcNow());
        guard.Withdraw("busy-1");
        var restarted = NewGuard();

        Assert.Null(again);
        Assert.Null(restarted.Admit("busy-1", _clock.GetUtcNow()));
        Assert.NotNull(restarted.Admit("kept", _clock.GetUtcNow()));
    }

    private ReplayGuard NewGuard() => new(Path, Window, _clock);

    /// <summary>A clock the test moves by hand (the window is minutes; a test cannot wait for it).</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
