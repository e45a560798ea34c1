using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Fleet;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Edge.Trainer.Fleet;

/// <summary>
/// Carries out one rollout over one MQTT 5 connection: wave by wave it sends each device an install command signed for
/// that device (QoS 1, not retained, with a response topic and correlation data), records the reply, and watches the device's retained
/// <c>model/state</c> until a state for that command is final or the device's time is up. A wave whose failure rate
/// is above <see cref="RolloutSettings.MaxFailureRate"/> stops the rollout before the next one;
/// <see cref="RolloutSettings.HaltOnFailure"/> stops it at the first failure.
/// </summary>
/// <remarks>
/// Broker messages arrive on MQTTnet's thread while the waves run on the caller's; one lock guards the rows.
/// The <c>changed</c> callback is called under that lock, in order, once per change: it must return quickly and not
/// call back into the run. A lost connection is restored from the wave loop, never from MQTTnet's disconnect event.
/// </remarks>
public sealed class RolloutRun : IDisposable
{
    private static readonly TimeSpan ReconnectEvery = TimeSpan.FromSeconds(2);

    private readonly DeviceFilter _filter;
    private readonly RolloutSettings _settings;
    private readonly Action<RolloutDeviceStatus> _changed;
    private readonly TimeProvider _time;
    private readonly ECDsa _signer;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly string _runId;
    private readonly string _replyTopic;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly IReadOnlyList<IReadOnlyList<FleetTopics>> _waves;
    private readonly Dictionary<string, RolloutDeviceStatus> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _deviceOfCommand = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _deadlines = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private DateTimeOffset _lastReconnect = DateTimeOffset.MinValue;
    private bool _halted;

    private RolloutRun(BrokerAddress broker, DeviceFilter filter, IReadOnlyList<DeviceView> devices, RolloutSettings settings,
        Action<RolloutDeviceStatus> changed, ECDsa signer, TimeProvider time)
    {
        _filter = filter;
        _signer = signer;
        _settings = settings;
        _changed = changed;
        _time = time;
        _runId = string.Create(CultureInfo.InvariantCulture, $"r{time.GetUtcNow():yyyyMMddTHHmmss}-{Guid.NewGuid().ToString("N")[..8]}");
        _replyTopic = FleetTopics.ReplyTopic("rollout", _runId);
        _options = BrokerConnection.Options(broker, "rollout");
        var versions = devices.ToDictionary(d => $"{d.Site}/{d.Device}", d => d.ModelVersion, StringComparer.Ordinal);
        _waves = settings.Waves.Assign(devices.Select(d => new FleetTopics(d.Site, d.Device)).ToList());
        for (var w = 0; w < _waves.Count; w++)
        {
            foreach (var device in _waves[w])
            {
                var row = new RolloutDeviceStatus(device.Site, device.Device, w + 1, null, versions[Name(device)], "waiting", null, RolloutOutcome.Waiting);
                _rows[row.Name] = row;
                _order.Add(row.Name);
            }
        }
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Receive(e.ApplicationMessage);
            return Task.CompletedTask;
        };
    }

    /// <summary>The rows as they stand, in rollout order.</summary>
    public IReadOnlyList<RolloutDeviceStatus> Rows
    {
        get
        {
            lock (_gate)
            {
                return _order.Select(n => _rows[n]).ToList();
            }
        }
    }

    /// <summary>How many waves the devices were split into.</summary>
    public int Waves => _waves.Count;

    /// <summary>Connects and subscribes to the devices' model state and the reply topic; no command is sent yet.</summary>
    /// <param name="devices">The targets, in rollout order (the caller sorts them), with the version each was seen running.</param>
    /// <param name="signer">The private key that signs each command; the devices list its public key in <c>updates.commandKeys</c> (or <c>trustedKeys</c>). The caller keeps it.</param>
    /// <exception cref="Commands.UserInputException">The broker cannot be reached.</exception>
    public static async Task<RolloutRun> StartAsync(BrokerAddress broker, DeviceFilter filter, IReadOnlyList<DeviceView> devices,
        RolloutSettings settings, Action<RolloutDeviceStatus> changed, ECDsa signer, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(signer);
        var run = new RolloutRun(broker, filter, devices, settings, changed, signer, time ?? TimeProvider.System);
        try
        {
            await BrokerConnection.ConnectAsync(run._client, run._options, broker, cancellationToken).ConfigureAwait(false);
            await run.SubscribeAsync(cancellationToken).ConfigureAwait(false);
            return run;
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    /// <summary>Runs every wave, or until a stop rule or <paramref name="cancellationToken"/> ends the rollout.</summary>
    public async Task<RolloutResult> RunAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        string? stop = null;
        try
        {
            foreach (var wave in _waves)
            {
                sent++;
                await SendAsync(wave, cancellationToken).ConfigureAwait(false);
                await WaitAsync(wave, cancellationToken).ConfigureAwait(false);
                stop = StopReason(wave, sent);
                if (stop is not null)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stop = "interrupted";
        }
        lock (_gate)
        {
            foreach (var name in _order)
            {
                var row = _rows[name];
                if (row.Outcome == RolloutOutcome.Waiting)
                {
                    Update(row with { State = "not sent", Outcome = RolloutOutcome.NotSent });
                }
                else if (row.Outcome == RolloutOutcome.InProgress)
                {
                    Update(row with { State = "unfinished", Reason = $"the rollout stopped before a final state (last: {row.State})", Outcome = RolloutOutcome.Unfinished });
                }
            }
        }
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        return new RolloutResult(_settings.Version, Rows, _waves.Count, sent, stop);
    }

    public void Dispose()
    {
        _client.Dispose();
        _wake.Dispose();
    }

    private string? StopReason(IReadOnlyList<FleetTopics> wave, int number)
    {
        lock (_gate)
        {
            var failed = wave.Count(d => _rows[Name(d)].Outcome != RolloutOutcome.Succeeded);
            if (_halted)
            {
                return string.Create(CultureInfo.InvariantCulture, $"halted in wave {number} of {_waves.Count} at the first failure (--halt-on-failure)");
            }
            var rate = (double)failed / wave.Count;
            if (rate > _settings.MaxFailureRate && number < _waves.Count)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"stopped after wave {number} of {_waves.Count}: {failed} of {wave.Count} failed, above --max-failure-rate {_settings.MaxFailureRate}");
            }
            return null;
        }
    }

    private async Task SendAsync(IReadOnlyList<FleetTopics> wave, CancellationToken cancellationToken)
    {
        foreach (var device in wave)
        {
            var name = Name(device);
            ModelCommand command;
            lock (_gate)
            {
                if (_halted)
                {
                    return;
                }
                var now = _time.GetUtcNow();
                command = ModelCommandSignature.Sign(new ModelCommand
                {
                    Id = CommandId(_order.IndexOf(name), device),
                    Action = ModelAction.Install,
                    IssuedUtc = now,
                    Version = _settings.Version,
                    Urls = [_settings.ArchiveUrl],
                    Sha256 = _settings.Sha256,
                    Size = _settings.Size,
                    Force = _settings.Force,
                    Floor = _settings.Floor,
                }, device, now, ModelCommandSignature.DefaultLifetime, _signer);
                _deviceOfCommand[command.Id] = name;
                _deadlines[name] = command.IssuedUtc + _settings.Timeout;
                Update(_rows[name] with { CommandId = command.Id, State = "sent", Outcome = RolloutOutcome.InProgress });
            }
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(device.ModelCommand)
                .WithPayload(ModelCommandJson.Serialize(command))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(false)
                .WithResponseTopic(_replyTopic)
                .WithCorrelationData(Encoding.UTF8.GetBytes(command.Id))
                .Build();
            var failure = await PublishAsync(message, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                lock (_gate)
                {
                    Finish(_rows[name], "not delivered", failure, RolloutOutcome.Failed);
                }
            }
        }
    }

    /// <summary>Publishes once, reconnecting first if needed; returns why the command did not reach the device, or null.</summary>
    private async Task<string?> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureConnectedAsync(force: true, cancellationToken).ConfigureAwait(false);
            var result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            return result.ReasonCode switch
            {
                MqttClientPublishReasonCode.Success => null,
                MqttClientPublishReasonCode.NoMatchingSubscribers => $"nothing is subscribed to {message.Topic}: the device is not listening",
                var code => $"the broker refused the command: {code}{(string.IsNullOrEmpty(result.ReasonString) ? "" : $" ({result.ReasonString})")}",
            };
        }
        catch (MqttCommunicationException e) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the command could not be published: {e.Message}";
        }
    }

    private async Task WaitAsync(IReadOnlyList<FleetTopics> wave, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan next;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                foreach (var device in wave)
                {
                    var row = _rows[Name(device)];
                    if (row.Outcome == RolloutOutcome.InProgress && now >= _deadlines[row.Name])
                    {
                        var minutes = _settings.Timeout.TotalMinutes.ToString("0.###", CultureInfo.InvariantCulture);
                        Finish(row, "timed out", $"no final state within {minutes} minutes (last: {row.State})", RolloutOutcome.Failed);
                    }
                }
                var open = wave.Select(d => _rows[Name(d)]).Where(r => r.Outcome == RolloutOutcome.InProgress).ToList();
                if (_halted || open.Count == 0)
                {
                    return;
                }
                next = open.Min(r => _deadlines[r.Name]) - now;
            }
            await EnsureConnectedAsync(force: false, cancellationToken).ConfigureAwait(false);
            await _wake.WaitAsync(next < ReconnectEvery ? next : ReconnectEvery, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Restores a lost connection (and its subscriptions); between waits at most every few seconds, unless <paramref name="force"/>.</summary>
    private async Task EnsureConnectedAsync(bool force, CancellationToken cancellationToken)
    {
        if (_client.IsConnected || (!force && _time.GetUtcNow() - _lastReconnect < ReconnectEvery))
        {
            return;
        }
        _lastReconnect = _time.GetUtcNow();
        try
        {
            await _client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
            await SubscribeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MqttCommunicationException) when (!cancellationToken.IsCancellationRequested)
        {
            // Still unreachable: the devices' deadlines keep running, and the next wait or publish tries again.
        }
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(_replyTopic, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(_filter.TopicFilter("model/state"), MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
    }

    private void Receive(MqttApplicationMessage message)
    {
        var payload = message.Payload.ToArray();
        lock (_gate)
        {
            try
            {
                if (message.Topic == _replyTopic)
                {
                    ReceiveReply(ModelReply.Parse(payload), message.CorrelationData);
                }
                else if (FleetTopics.FromTopic(message.Topic) is { } device && message.Topic == device.ModelState
                    && _rows.TryGetValue(Name(device), out var row))
                {
                    ReceiveState(row, ModelState.Parse(payload));
                }
            }
            catch (JsonException)
            {
                // A damaged message says nothing about our command; the device's deadline still holds.
            }
        }
        _wake.Release();
    }

    private void ReceiveReply(ModelReply reply, byte[]? correlation)
    {
        var id = correlation is null ? reply.Id : Encoding.UTF8.GetString(correlation);
        if (!_deviceOfCommand.TryGetValue(id, out var name) || _rows[name] is not { IsFinal: false } row)
        {
            return;
        }
        if (!reply.Accepted)
        {
            Finish(row, "refused", reply.Reason ?? "refused without a reason", RolloutOutcome.Failed);
        }
        else if (row.State == "sent")
        {
            Update(row with { State = "accepted" });
        }
    }

    private void ReceiveState(RolloutDeviceStatus row, ModelState state)
    {
        if (row.IsFinal)
        {
            return;
        }
        if (state.CommandId is null || state.CommandId != row.CommandId)
        {
            // Another command's (or a retained older) state: only the version it reports is news.
            if (state.Active != row.Active)
            {
                Update(row with { Active = state.Active });
            }
            return;
        }
        row = row with { Active = state.Active };
        if (!ModelStates.IsFinal(state.State))
        {
            Update(row with { State = state.State, Reason = state.Reason });
        }
        else if (state.State == ModelStates.Active && state.Active == _settings.Version)
        {
            Finish(row, state.State, state.Reason, RolloutOutcome.Succeeded);
        }
        else
        {
            var reason = state.State switch
            {
                ModelStates.Active => $"active is {state.Active ?? "no version"}, not {_settings.Version}",
                ModelStates.Idle => "the device went idle without installing",
                _ => state.Reason ?? "no reason given",
            };
            Finish(row, state.State, reason, RolloutOutcome.Failed);
        }
    }

    private void Finish(RolloutDeviceStatus row, string state, string? reason, RolloutOutcome outcome)
    {
        Update(row with { State = state, Reason = reason, Outcome = outcome });
        if (outcome == RolloutOutcome.Failed && _settings.HaltOnFailure)
        {
            _halted = true;
        }
    }

    private void Update(RolloutDeviceStatus row)
    {
        _rows[row.Name] = row;
        _changed(row);
    }

    private string CommandId(int index, FleetTopics device)
    {
        var tail = new string($"{device.Site}-{device.Device}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        var id = string.Create(CultureInfo.InvariantCulture, $"{_runId}-{index + 1}-{tail}");
        return id.Length <= 128 ? id : id[..128];
    }

    private static string Name(FleetTopics device) => $"{device.Site}/{device.Device}";
}
