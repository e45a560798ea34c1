namespace Edge.Agent.Mqtt;

/// <summary>The broker refused a subscription (an ACL that does not let this client read the topic).</summary>
public sealed class MqttSubscriptionRefusedException : Exception
{
    public MqttSubscriptionRefusedException()
    {
    }

    public MqttSubscriptionRefusedException(string message)
        : base(message)
    {
    }

    public MqttSubscriptionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttSubscriptionRefusedException(string topic, string reason)
        : base($"the broker refused the subscription to {topic}: {reason}")
    {
        Topic = topic;
    }

    public string? Topic { get; }
}
