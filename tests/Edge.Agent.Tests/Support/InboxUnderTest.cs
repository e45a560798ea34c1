using System.Security.Cryptography;
using System.Text;
using Edge.Agent.Configuration;
using Edge.Agent.Mqtt;
using Edge.Agent.Updates;
using Edge.Bundles.Signing;
using Edge.Fleet;
using Edge.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Agent.Tests.Support;

/// <summary>
/// The agent's <see cref="ModelCommandInbox"/> for plant1/box1 in-process, with its real parts (replay guard on disk,
/// command authority trusting <see cref="Key"/>): its link is never connected, so what it would reply and where is
/// taken from <see cref="ModelCommandInbox.Handle"/>, and what it queued from its channel.
/// </summary>
public sealed class InboxUnderTest : IDisposable
{
    public static readonly FleetTopics Topics = new("plant1", "box1");

    private readonly TempFolder _folder = new();
    private readonly MqttLink _link = new(new MqttConfig { Port = FreePort.Pick() }, new MqttTopics("plant1", "box1"), NullLogger<MqttLink>.Instance);
    private readonly CommandAuthority _authority;

    public InboxUnderTest()
    {
        File.WriteAllText(_folder.File("command.pem"), SigningKeys.PublicKeyPem(Key));
        _authority = new CommandAuthority([_folder.File("command.pem")], Topics);
        Inbox = new ModelCommandInbox(_link, Topics, new ReplayGuard(SeenPath, TimeSpan.FromMinutes(60)), _authority, NullLogger<ModelCommandInbox>.Instance);
    }

    /// <summary>The device's command key.</summary>
    public ECDsa Key { get; } = SigningKeys.Generate();

    /// <summary>A key the device does not trust.</summary>
    public ECDsa Stranger { get; } = SigningKeys.Generate();

    public ModelCommandInbox Inbox { get; }

    /// <summary>The replay guard's file: written only when a command is admitted.</summary>
    public string SeenPath => _folder.File("updates/seen-commands.json");

    public (string Topic, ModelReply Reply) Handle(byte[] payload, bool retained = false, string? responseTopic = null) =>
        Inbox.Handle(new MqttInboundMessage(Topics.ModelCommand, payload, retained, responseTopic, [1, 2, 3]));

    public (string Topic, ModelReply Reply) Handle(string payload, string? responseTopic = null) => Handle(Encoding.UTF8.GetBytes(payload), false, responseTopic);

    public void Dispose()
    {
        _link.Dispose();
        _authority.Dispose();
        Key.Dispose();
        Stranger.Dispose();
        _folder.Dispose();
    }
}
