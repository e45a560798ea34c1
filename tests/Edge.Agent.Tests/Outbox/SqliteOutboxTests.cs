using System.Text;
using Edge.Agent.Outbox;
using Edge.Testing;

namespace Edge.Agent.Tests.Outbox;

public class SqliteOutboxTests
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static List<string> Drain(SqliteOutbox outbox)
    {
        var payloads = new List<string>();
        while (outbox.Oldest() is { } message)
        {
            payloads.Add(Encoding.UTF8.GetString(message.Payload));
            Assert.True(outbox.Remove(message.Sequence));
        }
        return payloads;
    }

    [Fact]
    public void Messages_come_out_oldest_first_and_leave_only_when_removed()
    {
        using var folder = new TempFolder();
        using var outbox = new SqliteOutbox(folder.File("outbox.db"), 100);

        var first = outbox.Enqueue("t/a", Bytes("one"));
        outbox.Enqueue("t/b", Bytes("two"));

        Assert.Equal(2, outbox.Count);
        Assert.Equal(first, outbox.Oldest()!.Sequence);
        Assert.Equal("t/a", outbox.Oldest()!.Topic);
        Assert.Equal(first, outbox.Oldest()!.Sequence);
        Assert.Equal(["one", "two"], Drain(outbox));
        Assert.Equal(0, outbox.Count);
        Assert.Null(outbox.Oldest());
    }

    [Fact]
    public void Messages_survive_closing_and_reopening_the_file_in_order()
    {
        using var folder = new TempFolder();
        var path = folder.File("state/outbox.db");
        using (var outbox = new SqliteOutbox(path, 100))
        {
            for (var i = 0; i < 5; i++)
            {
                outbox.Enqueue("t", Bytes($"m{i}"));
            }
            outbox.Remove(outbox.Oldest()!.Sequence);
        }

        using var reopened = new SqliteOutbox(path, 100);

        Assert.Equal(4, reopened.Count);
        Assert.Equal(["m1", "m2", "m3", "m4"], Drain(reopened));
    }

    [Fact]
    public void The_file_is_in_wal_mode_with_full_synchronous_writes()
    {
        using var folder = new TempFolder();
        using (var outbox = new SqliteOutbox(folder.File("outbox.db"), 10))
        {
            outbox.Enqueue("t", Bytes("x"));
        }

        // sqlite3's own view of the file (python3's sqlite3 module, not our code).
        var mode = ExternalTool.Python("import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA journal_mode').fetchone()[0])", folder.File("outbox.db"));

        Assert.Equal("wal", mode.Trim());
    }

    [Fact]
    public void A_full_outbox_evicts_the_oldest_and_counts_them_across_restarts()
    {
        using var folder = new TempFolder();
        var path = folder.File("outbox.db");
        using (var outbox = new SqliteOutbox(path, 3))
        {
            for (var i = 0; i < 5; i++)
            {
                outbox.Enqueue("t", Bytes($"m{i}"));
            }
            Assert.Equal(3, outbox.Count);
            Assert.Equal(2, outbox.Evicted);
        }

        using var reopened = new SqliteOutbox(path, 3);
        reopened.Enqueue("t", Bytes("m5"));

        Assert.Equal(3, reopened.Evicted);
        Assert.Equal(["m3", "m4", "m5"], Drain(reopened));
    }

    [Fact]
    public async Task A_waiting_reader_is_woken_by_an_enqueue()
    {
        using var folder = new TempFolder();
        using var outbox = new SqliteOutbox(folder.File("outbox.db"), 10);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var waiting = outbox.WaitForMessageAsync(timeout.Token);
        Assert.False(waiting.IsCompleted);
        outbox.Enqueue("t", Bytes("x"));

        await waiting;
    }
}
