namespace Edge.Agent.Outbox;

/// <summary>
/// An alarm the outbox holds open: <see cref="SqliteOutbox.Enqueue"/> records its latest message (start or update)
/// with that message, and removes it with the message that ends it, in the same transaction. What a crash leaves here
/// is what no subscriber will ever see ended unless the next start ends it.
/// </summary>
/// <param name="Id">The alarm's id.</param>
/// <param name="Topic">Where its messages go.</param>
/// <param name="LastMessage">Its latest message, as published.</param>
public sealed record OpenAlarm(string Id, string Topic, byte[] LastMessage);
