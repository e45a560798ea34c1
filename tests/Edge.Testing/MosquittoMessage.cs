namespace Edge.Testing;

/// <summary>A message as mosquitto_sub printed it: the topic, then the payload (assumed to be one line).</summary>
public sealed record MosquittoMessage(string Topic, string Payload);
