namespace Edge.Agent.Mqtt;

/// <summary>A message the link received on a subscribed topic, with the MQTT 5 request/response properties if any.</summary>
/// <param name="ResponseTopic">Where the sender wants its reply (MQTT 5); null otherwise.</param>
/// <param name="CorrelationData">What the reply must carry back to be matched (MQTT 5); null otherwise.</param>
public sealed record MqttInboundMessage(string Topic, byte[] Payload, bool Retained, string? ResponseTopic, byte[]? CorrelationData)
{
    /// <summary>
    /// The size of a payload larger than the subscription takes, which was left uncopied (<see cref="Payload"/> is then
    /// empty); 0 for a message within the limit.
    /// </summary>
    public long OversizedBytes { get; init; }
}
