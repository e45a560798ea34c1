using Edge.Trainer.Commands;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;

namespace Edge.Trainer.Fleet;

/// <summary>Client options and the first connection for the workstation's fleet commands (devices, rollout).</summary>
public static class BrokerConnection
{
    /// <summary>MQTT 5 options with a client id of its own (<paramref name="role"/> and a random suffix) and a 10 s connect timeout.</summary>
    public static MqttClientOptions Options(BrokerAddress broker, string role)
    {
        ArgumentNullException.ThrowIfNull(broker);
        return new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"edge-train-{role}-{Guid.NewGuid():N}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
    }

    /// <exception cref="UserInputException">The broker cannot be reached or refused the connection.</exception>
    public static async Task ConnectAsync(IMqttClient client, MqttClientOptions options, BrokerAddress broker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(broker);
        try
        {
            await client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new UserInputException($"Cannot reach the broker at {broker.Host}:{broker.Port}: {e.Message}");
        }
    }
}
