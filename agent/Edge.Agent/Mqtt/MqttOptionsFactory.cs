using System.Text;
using Edge.Agent.Configuration;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Agent.Mqtt;

/// <summary>Turns the <c>mqtt</c> configuration into MQTTnet client options, with the retained <c>offline</c> last will.</summary>
public static class MqttOptionsFactory
{
    public static MqttClientOptions Create(MqttConfig config, MqttTopics topics, bool withLastWill = true)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(topics);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(config.Host, config.Port)
            .WithClientId(config.ClientId)
            .WithProtocolVersion(config.Protocol == MqttProtocol.V311 ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(config.KeepAliveSeconds))
            .WithCleanSession(true)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (config.Protocol == MqttProtocol.V500)
        {
            // MQTT 3.1.1 has no way to say it: there only the broker's own limit (Mosquitto's message_size_limit) protects the agent.
            builder.WithMaximumPacketSize(MqttLink.MaximumPacketBytes);
        }
        if (withLastWill)
        {
            builder.WithWillTopic(topics.Status)
                .WithWillPayload(Encoding.UTF8.GetBytes(MqttTopics.Offline))
                .WithWillRetain(true)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }
        if (config.Username is not null)
        {
            builder.WithCredentials(config.Username, config.Password ?? "");
        }
        if (config.Tls.Enabled)
        {
            builder.WithTlsOptions(Tls(config.Tls, config.Host));
        }
        return builder.Build();
    }

    private static MqttClientTlsOptions Tls(MqttTlsConfig tls, string host)
    {
        var builder = new MqttClientTlsOptionsBuilder().UseTls().WithTargetHost(host);
        if (tls.CaFile is not null)
        {
            builder.WithTrustChain(TlsFiles.Authorities(tls.CaFile));
        }
        if (tls.CertFile is not null && tls.KeyFile is not null)
        {
            builder.WithClientCertificates([TlsFiles.CertificateWithKey(tls.CertFile, tls.KeyFile)]);
        }
        return builder.Build();
    }
}
