using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Edge.Agent.Outbox;

/// <summary>
/// The durable store of messages not yet acknowledged by the broker: a SQLite file in WAL mode with
/// <c>synchronous=FULL</c>, so that a message is on disk when <see cref="Enqueue"/> returns and survives a
/// kill -9 or a power cut. Messages leave only through <see cref="Remove"/> (after PUBACK) or, when the
/// outbox is full, by eviction of the oldest, which is counted. Alongside, it keeps the alarms still open (their latest
/// message, <see cref="OpenAlarm"/>), written with the message that opens or ends them, so that the next start can end
/// what a crash left open. Thread-safe (one connection, one lock).
/// </summary>
public sealed class SqliteOutbox : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly WakeSignal _added = new();
    private readonly int _maxMessages;
    private long _count;
    private long _evicted;

    /// <summary>Opens (or creates) the outbox file; its folder is created when missing.</summary>
    /// <exception cref="SqliteException">The file cannot be opened or is not an outbox.</exception>
    public SqliteOutbox(string path, int maxMessages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        _maxMessages = maxMessages;
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        Path = path;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _connection = new SqliteConnection(connectionString);
        try
        {
            _connection.Open();
            Execute("PRAGMA journal_mode=WAL;");
            Execute("PRAGMA synchronous=FULL;");
            Execute("""
                CREATE TABLE IF NOT EXISTS messages (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    topic TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    enqueued TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS open_alarms (id TEXT PRIMARY KEY, topic TEXT NOT NULL, payload BLOB NOT NULL);
                INSERT OR IGNORE INTO counters VALUES ('evicted', 0);
                """);
            _count = Scalar("SELECT COUNT(*) FROM messages;");
            _evicted = Scalar("SELECT value FROM counters WHERE name = 'evicted';");
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public string Path { get; }

    /// <summary>Messages waiting.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Messages evicted because the outbox was full, since the file was created.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    /// <summary>Raised after a change of <see cref="Count"/> or <see cref="Evicted"/> (on the changing thread).</summary>
    public event EventHandler? Changed;

    /// <summary>Stores a message durably (fsync'd) and returns its sequence number; evicts the oldest when full.</summary>
    /// <param name="topic">Where it goes.</param>
    /// <param name="payload">What it says.</param>
    /// <param name="alarmId">The alarm this message belongs to, if it is an alarm's: recorded as open with this message, or no longer open ...</param>
    /// <param name="alarmEnds">... when the message ends it.</param>
    public long Enqueue(string topic, ReadOnlySpan<byte> payload, string? alarmId = null, bool alarmEnds = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        long sequence;
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var evict = _count + 1 - _maxMessages;
            if (evict > 0)
            {
                Execute("DELETE FROM messages WHERE sequence IN (SELECT sequence FROM messages ORDER BY sequence LIMIT $n);", ("$n", evict), transaction);
                Execute("UPDATE counters SET value = value + $n WHERE name = 'evicted';", ("$n", evict), transaction);
            }
            using (var insert = _connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO messages (topic, payload, enqueued) VALUES ($topic, $payload, $enqueued); SELECT last_insert_rowid();";
                insert.Parameters.AddWithValue("$topic", topic);
                insert.Parameters.AddWithValue("$payload", payload.ToArray());
                insert.Parameters.AddWithValue("$enqueued", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                sequence = (long)insert.ExecuteScalar()!;
            }
            if (alarmId is not null)
            {
                RecordAlarm(alarmId, topic, payload, alarmEnds, transaction);
            }
            transaction.Commit();
            if (evict > 0)
            {
                _evicted += evict;
                _count -= evict;
            }
            _count++;
        }
        _added.Set();
        Changed?.Invoke(this, EventArgs.Empty);
        return sequence;
    }

    /// <summary>The alarms whose latest message was no end, oldest first.</summary>
    public IReadOnlyList<OpenAlarm> OpenAlarms()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT id, topic, payload FROM open_alarms ORDER BY rowid;";
            using var reader = command.ExecuteReader();
            var open = new List<OpenAlarm>();
            while (reader.Read())
            {
                open.Add(new OpenAlarm(reader.GetString(0), reader.GetString(1), (byte[])reader[2]));
            }
            return open;
        }
    }

    /// <summary>The oldest waiting message, or null when empty.</summary>
    public OutboxMessage? Oldest()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT sequence, topic, payload, enqueued FROM messages ORDER BY sequence LIMIT 1;";
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }
            return new OutboxMessage(
                reader.GetInt64(0),
                reader.GetString(1),
                (byte[])reader[2],
                DateTime.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        }
    }

    /// <summary>Removes a message the broker acknowledged; false if it was already gone (evicted meanwhile).</summary>
    public bool Remove(long sequence)
    {
        bool removed;
        lock (_gate)
        {
            removed = Execute("DELETE FROM messages WHERE sequence = $n;", ("$n", sequence)) == 1;
            if (removed)
            {
                _count--;
            }
        }
        if (removed)
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
        return removed;
    }

    /// <summary>Completes when a message is added after the previous wait (or was added before it).</summary>
    public Task WaitForMessageAsync(CancellationToken cancellationToken) => _added.WaitAsync(cancellationToken);

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private void RecordAlarm(string id, string topic, ReadOnlySpan<byte> payload, bool ends, SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$id", id);
        if (ends)
        {
            command.CommandText = "DELETE FROM open_alarms WHERE id = $id;";
        }
        else
        {
            // An update replaces the start: the latest message is what an end is made from.
            command.CommandText = "INSERT INTO open_alarms (id, topic, payload) VALUES ($id, $topic, $payload) ON CONFLICT(id) DO UPDATE SET payload = excluded.payload;";
            command.Parameters.AddWithValue("$topic", topic);
            command.Parameters.AddWithValue("$payload", payload.ToArray());
        }
        command.ExecuteNonQuery();
    }

    private int Execute(string sql, (string Name, long Value)? parameter = null, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (parameter is { } p)
        {
            command.Parameters.AddWithValue(p.Name, p.Value);
        }
        return command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
