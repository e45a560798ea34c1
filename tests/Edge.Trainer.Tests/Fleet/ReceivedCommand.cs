using Edge.Fleet;

namespace Edge.Trainer.Tests.Fleet;

/// <summary>A command as a <see cref="SimulatedDevice"/> received it, with the MQTT properties it came with.</summary>
public sealed record ReceivedCommand(
    ModelCommand Command, bool Retained, MQTTnet.Protocol.MqttQualityOfServiceLevel QualityOfService, string? ResponseTopic, byte[]? CorrelationData,
    DateTimeOffset ReceivedUtc);
