using System.Buffers;
using System.Text;
using System.Text.Json;
using Edge.Fleet;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Trainer.Fleet;

/// <summary>
/// Lists devices from the broker: the retained status and model state arrive as soon as it subscribes; health
/// messages are periodic, so it listens for <paramref name="listen"/> to catch one from each device.
/// </summary>
public static class FleetListing
{
    public static async Task<IReadOnlyList<DeviceView>> ReadAsync(BrokerAddress broker, DeviceFilter filter, TimeSpan listen, CancellationToken cancellationToken)
    {
        var devices = new Dictionary<(string, string), DeviceView>();
        var gate = new Lock();
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            var topic = e.ApplicationMessage.Topic;
            if (FleetTopics.FromTopic(topic) is not { } device || !filter.Matches(device.Site, device.Device))
            {
                return Task.CompletedTask;
            }
            var payload = e.ApplicationMessage.Payload.ToArray();
            lock (gate)
            {
                if (!devices.TryGetValue((device.Site, device.Device), out var view))
                {
                    view = devices[(device.Site, device.Device)] = new DeviceView(device.Site, device.Device);
                }
                try
                {
                    if (topic == device.Status)
                    {
                        view.Status = Encoding.UTF8.GetString(payload);
                    }
                    else if (topic == device.ModelState)
                    {
                        view.Model = ModelState.Parse(payload);
                    }
                    else if (topic == device.Health)
                    {
                        view.Health = JsonDocument.Parse(payload).RootElement.Clone();
                    }
                }
                catch (JsonException)
                {
                    // Not ours to judge: a device with a damaged message is still listed by its other topics.
                }
            }
            return Task.CompletedTask;
        };
        await BrokerConnection.ConnectAsync(client, BrokerConnection.Options(broker, "devices"), broker, cancellationToken).ConfigureAwait(false);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var leaf in new[] { "status", "model/state", "health" })
        {
            subscribe.WithTopicFilter(filter.TopicFilter(leaf), MqttQualityOfServiceLevel.AtLeastOnce);
        }
        await client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        await Task.Delay(listen, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            return devices.Values.OrderBy(d => d.Site, StringComparer.Ordinal).ThenBy(d => d.Device, StringComparer.Ordinal).ToList();
        }
    }
}
