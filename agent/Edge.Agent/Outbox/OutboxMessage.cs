namespace Edge.Agent.Outbox;

/// <summary>A message waiting in the outbox; <see cref="Sequence"/> orders messages and identifies this one.</summary>
public sealed record OutboxMessage(long Sequence, string Topic, byte[] Payload, DateTime EnqueuedUtc);
