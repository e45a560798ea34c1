namespace Edge.Agent.Configuration;

/// <summary>The MQTT protocol version spoken to the broker.</summary>
public enum MqttProtocol
{
    /// <summary>MQTT 5 (<c>"5"</c>), the default.</summary>
    V500,

    /// <summary>MQTT 3.1.1 (<c>"3.1.1"</c>), for older brokers.</summary>
    V311,
}
