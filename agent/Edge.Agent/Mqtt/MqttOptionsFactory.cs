using System.Security.Cryptography.X509Certificates;
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
            var trust = new X509Certificate2Collection();
            trust.ImportFromPemFile(tls.CaFile);
            builder.WithTrustChain(trust);
        }
        if (tls.CertFile is not null && tls.KeyFile is not null)
        {
            // Re-exported as PKCS#12 because SslStream on Linux needs the key in a form it can hand to OpenSSL.
            using var pem = X509Certificate2.CreateFromPemFile(tls.CertFile, tls.KeyFile);
            var client = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            builder.WithClientCertificates([client]);
        }
        return builder.Build();
    }
}
