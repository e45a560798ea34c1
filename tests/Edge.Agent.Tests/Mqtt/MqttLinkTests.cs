using Edge.Agent.Configuration;
using Edge.Agent.Mqtt;
using Edge.Agent.Tests.Support;
using Edge.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Agent.Tests.Mqtt;

/// <summary>The MQTT link against real Mosquitto brokers set up for TLS, mutual TLS, passwords and MQTT 3.1.1.</summary>
public class MqttLinkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly MqttTopics Topics = new("plant1", "box1");

    private static async Task<MqttLink> StartLinkAsync(MqttConfig config)
    {
        var link = new MqttLink(config with { ReconnectMinSeconds = 0.1, ReconnectMaxSeconds = 0.2 }, Topics, NullLogger<MqttLink>.Instance);
        await link.StartAsync(CancellationToken.None);
        return link;
    }

    private static MosquittoBroker StartMutualTlsBroker(TestCertificates certificates) => MosquittoBroker.Start($"""
        cafile {certificates.CaFile}
        certfile {certificates.ServerCertFile}
        keyfile {certificates.ServerKeyFile}
        require_certificate true
        """);

    /// <summary>TLS trusting the test authority, without a client certificate.</summary>
    private static MqttConfig TlsClient(MosquittoBroker broker, TestCertificates certificates) => new()
    {
        Host = "127.0.0.1",
        Port = broker.Port,
        ClientId = "edge-tls-test",
        Tls = new MqttTlsConfig { Enabled = true, CaFile = certificates.CaFile },
    };

    private static async Task StopAsync(MqttLink link)
    {
        await link.StopAsync(CancellationToken.None);
        link.Dispose();
    }

    [Fact]
    public async Task Mutual_tls_with_a_private_ca_connects_and_publishes_the_online_status()
    {
        using var certificates = new TestCertificates();
        using var broker = StartMutualTlsBroker(certificates);
        var config = TlsClient(broker, certificates) with
        {
            Tls = new MqttTlsConfig { Enabled = true, CaFile = certificates.CaFile, CertFile = certificates.ClientCertFile, KeyFile = certificates.ClientKeyFile },
        };
        var link = await StartLinkAsync(config);
        try
        {
            await link.WaitConnectedAsync(CancellationToken.None).WaitAsync(Patience);
        }
        finally
        {
            await StopAsync(link);
        }

        // mosquitto logs the accepted client with its protocol enum: p5 is MQTT 5, the default.
        Assert.Contains("as edge-tls-test (p5,", broker.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broker_requiring_a_client_certificate_refuses_a_link_without_one()
    {
        using var certificates = new TestCertificates();
        using var broker = StartMutualTlsBroker(certificates);
        var config = TlsClient(broker, certificates);
        var link = await StartLinkAsync(config);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var connections = link.Connections;
        await StopAsync(link);

        Assert.Equal(0, connections);
        Assert.Contains("certificate", broker.Log, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Topics_subscribed_after_the_connection_bring_their_retained_messages_again_after_a_broker_restart_until_unsubscribed()
    {
        using var broker = MosquittoBroker.Start();
        ExternalTool.Run("mosquitto_pub", ["-h", "127.0.0.1", "-p", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-r", "-t", "edge/test/a", "-m", "kept"]);
        var link = await StartLinkAsync(new MqttConfig { Host = "127.0.0.1", Port = broker.Port, ClientId = "edge-subscribe-test" });
        var received = new System.Collections.Concurrent.ConcurrentQueue<string>();
        try
        {
            await link.WaitConnectedAsync(CancellationToken.None).WaitAsync(Patience);
            Assert.True(await link.SubscribeAsync(["edge/test/a", "edge/test/b"], m =>
            {
                received.Enqueue($"{m.Topic}={System.Text.Encoding.UTF8.GetString(m.Payload)}");
                return Task.CompletedTask;
            }, CancellationToken.None));
            await WaitUntilAsync(() => received.Count == 1);

            broker.Stop();
            broker.StartAgain();
            await WaitUntilAsync(() => received.Count == 2);
            await link.UnsubscribeAsync(["edge/test/a", "edge/test/b"], CancellationToken.None);
            ExternalTool.Run("mosquitto_pub", ["-h", "127.0.0.1", "-p", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-t", "edge/test/b", "-m", "late"]);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }
        finally
        {
            await StopAsync(link);
        }

        // Retained once on the first subscription and once on the one the reconnection made; nothing after the unsubscribe.
        Assert.Equal(["edge/test/a=kept", "edge/test/a=kept"], received);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(20, limit.Token);
        }
    }

    [Fact]
    public async Task Mqtt_3_1_1_with_user_name_and_password_is_accepted_and_a_wrong_password_is_not()
    {
        using var folder = new TempFolder();
        var passwords = folder.File("passwords");
        ExternalTool.Run("mosquitto_passwd", ["-b", "-c", passwords, "edge", "s3cret"]);
        using var broker = MosquittoBroker.Start($"password_file {passwords}", allowAnonymous: false);
        var good = new MqttConfig { Host = "127.0.0.1", Port = broker.Port, ClientId = "edge-v311-test", Protocol = MqttProtocol.V311, Username = "edge", Password = "s3cret" };

        var link = await StartLinkAsync(good);
        try
        {
            await link.WaitConnectedAsync(CancellationToken.None).WaitAsync(Patience);
        }
        finally
        {
            await StopAsync(link);
        }
        var wrong = await StartLinkAsync(good with { ClientId = "edge-wrong-test", Password = "guess" });
        await Task.Delay(TimeSpan.FromSeconds(1));
        var wrongConnections = wrong.Connections;
        await StopAsync(wrong);

        // mosquitto logs its protocol enum: p2 is MQTT 3.1.1 (p5 would be MQTT 5).
        Assert.Contains("as edge-v311-test (p2,", broker.Log, StringComparison.Ordinal);
        Assert.Contains("u'edge'", broker.Log, StringComparison.Ordinal);
        Assert.Equal(0, wrongConnections);
    }
}
