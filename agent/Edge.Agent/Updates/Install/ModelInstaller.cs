using Edge.Agent.Configuration;
using Edge.Agent.Mqtt;
using Edge.Agent.Pipeline;
using Edge.Agent.Updates.Download;
using Edge.Agent.Updates.Store;
using Edge.Bundles.Archives;
using Edge.Bundles.Files;
using Edge.Bundles.Signing;
using Edge.Bundles.Validation;
using Edge.Bundles.Versioning;
using Edge.Fleet;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Updates.Install;

/// <summary>
/// One install, step by step, each reported before it starts: download, verify (signature by a trusted key, every
/// file's hash, the version), validate, optionally shadow, then switch (journal, links, live swap). What it returns
/// is on probation; <see cref="ModelUpdater"/> watches it. Every failure before the switch leaves the active model
/// untouched and removes what the step had written.
/// </summary>
public sealed partial class ModelInstaller
{
    private readonly AgentConfig _config;
    private readonly ModelStore _store;
    private readonly IModelHost? _host;
    private readonly HttpClient _http;
    private readonly MqttLink _link;
    private readonly VersionFloor _floor;
    private readonly ArchiveHostList _hosts;
    private readonly ILogger _logger;

    /// <param name="http">For http(s) archives: <see cref="ArchiveDownloader.CreateHttpClient"/>.</param>
    /// <param name="link">Where archives sent as MQTT chunks (<c>mqtt-chunks:</c> URLs) are received.</param>
    /// <param name="floor">The version floor: checked before anything is fetched, raised by the command's <c>floor</c>.</param>
    public ModelInstaller(AgentConfig config, ModelStore store, IModelHost? host, HttpClient http, MqttLink link, VersionFloor floor, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _store = store;
        _host = host;
        _http = http;
        _link = link;
        _floor = floor;
        _hosts = ArchiveHostList.Of(config.Updates.ArchiveHosts);
        _logger = logger;
    }

    /// <param name="command">An accepted install command.</param>
    /// <param name="activeFolder">The bundle folder running now.</param>
    /// <param name="activeVersion">Its version, if known.</param>
    /// <param name="report">Called with each step's state as it starts.</param>
    /// <returns>The journal record of the switch, now on probation.</returns>
    /// <exception cref="UpdateException">The reason the install stopped; nothing changed.</exception>
    public async Task<SwitchRecord> InstallAsync(ModelCommand command, string activeFolder, string? activeVersion, Func<string, string?, Task> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(report);
        var version = SemanticVersion.Parse(command.Version!);
        if (_floor.Refusal(version, $"installing {version}") is { } belowFloor)
        {
            throw new UpdateException(belowFloor);
        }
        RefuseIfNotNewer(version, activeVersion, activeFolder, command.Force);
        if (ModelStore.SameFolder(_store.VersionFolder(version.ToString()), activeFolder))
        {
            // Even with force: replacing the folder the cameras run from is not an install.
            throw new UpdateException($"version {version} is already the active model");
        }
        if (command.Urls.Select(_hosts.Refusal).FirstOrDefault(r => r is not null) is { } refusedUrl)
        {
            throw new UpdateException($"the archive is not fetched: {refusedUrl}");
        }
        using var trusted = TrustedKeysOrRefuse();
        if (command.Floor is { } floor)
        {
            // The owner's word, signed: from now on nothing below it is installed or rolled back to, whatever this install's outcome.
            _floor.Raise(SemanticVersion.Parse(floor), command.Id);
        }
        // Journalled from the first step, so a crash anywhere before the switch is reported at the next start.
        _store.Journal.Write(new SwitchRecord
        {
            FromFolder = Path.GetFullPath(activeFolder), FromVersion = activeVersion, ToFolder = "", ToVersion = version.ToString(),
            CommandId = command.Id, Phase = SwitchPhase.Preparing,
        });
        try
        {
            return await InstallCoreAsync(command, version, trusted, activeFolder, activeVersion, report, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A stop (SIGTERM) keeps the journal: the next start reports the interrupted install.
            if (_store.Journal.Read() is { Phase: SwitchPhase.Preparing })
            {
                _store.Journal.Delete();
            }
            throw;
        }
    }

    private async Task<SwitchRecord> InstallCoreAsync(
        ModelCommand command, SemanticVersion version, TrustedKeys trusted, string activeFolder, string? activeVersion, Func<string, string?, Task> report,
        CancellationToken cancellationToken)
    {
        await report(ModelStates.Downloading, null).ConfigureAwait(false);
        var archive = await DownloadAsync(command, cancellationToken).ConfigureAwait(false);

        await report(ModelStates.Verifying, null).ConfigureAwait(false);
        var folder = Verify(archive, command, version, trusted, cancellationToken);

        await report(ModelStates.Validating, null).ConfigureAwait(false);
        ActiveModel candidate;
        try
        {
            candidate = CandidateCheck.Load(folder, _config, _logger);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }

        try
        {
            if (_config.Updates.Shadow.Enabled && _host is not null)
            {
                await report(ModelStates.Shadow, null).ConfigureAwait(false);
                var recording = await _host.ShadowAsync(candidate, TimeSpan.FromSeconds(_config.Updates.Shadow.Seconds), cancellationToken).ConfigureAwait(false);
                var verdict = ShadowVerdict.Judge(recording, _config.Updates.Shadow);
                if (!verdict.Promote)
                {
                    throw new UpdateException(verdict.Summary);
                }
            }
            await report(ModelStates.Switching, null).ConfigureAwait(false);
            var record = Switch(command, folder, version.ToString(), activeFolder, activeVersion, candidate);
            candidate = null!;
            return record;
        }
        catch
        {
            candidate?.Dispose();
            if (Directory.Exists(folder) && !ModelStore.SameFolder(_store.Current, folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            throw;
        }
    }

    /// <summary>
    /// The version rule that <c>force</c> lifts (on a signed command). An active model of unknown version is no
    /// exemption: nothing shows the new one is newer, so it takes force too. Only a device with no model at all
    /// (its folder does not exist) has nothing to go down from: the floor alone applies.
    /// </summary>
    private static void RefuseIfNotNewer(SemanticVersion version, string? activeVersion, string activeFolder, bool force)
    {
        if (force)
        {
            return;
        }
        if (activeVersion is not null && SemanticVersion.TryParse(activeVersion, out var active))
        {
            if (version.CompareTo(active) <= 0)
            {
                throw new UpdateException($"version {version} is not newer than the active {active}; send the command with force to install it anyway");
            }
            return;
        }
        if (Directory.Exists(activeFolder))
        {
            throw new UpdateException($"the active model's version is unknown (its manifest does not read), so nothing shows {version} is newer; send the command with force to install it anyway");
        }
    }

    private TrustedKeys TrustedKeysOrRefuse()
    {
        if (_config.Updates.TrustedKeys.Count == 0)
        {
            throw new UpdateException("no trusted keys are configured (updates.trustedKeys), so no bundle can be verified: updates are refused");
        }
        try
        {
            return TrustedKeys.FromFiles(_config.Updates.TrustedKeys);
        }
        catch (Exception e) when (e is SignatureException or IOException or UnauthorizedAccessException)
        {
            throw new UpdateException($"the trusted keys cannot be read: {e.Message}", e);
        }
    }

    private async Task<string> DownloadAsync(ModelCommand command, CancellationToken cancellationToken)
    {
        var maxBytes = (long)(_config.Updates.MaxArchiveMegabytes * 1024 * 1024);
        var removed = StagingBounds.Apply(_store.Staging, command.Sha256!, command.Size, _config.Updates.StagingLimits);
        if (removed.Count > 0)
        {
            // An operator who finds a download gone (and a later install of it starting over) reads here why.
            LogStagingTrimmed(_logger, string.Join(", ", removed));
        }
        if (command.Urls is [{ Scheme: ArchiveChunks.Scheme } chunks])
        {
            // Chunks over MQTT: the receiver keeps the time limit itself, to say how many chunks arrived.
            return await new MqttChunkReceiver(_link, _store.Staging).ReceiveAsync(
                chunks, command.Sha256!, command.Size!.Value, maxBytes, TimeSpan.FromSeconds(_config.Updates.DownloadTimeoutSeconds), cancellationToken).ConfigureAwait(false);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_config.Updates.DownloadTimeoutSeconds));
        try
        {
            return await new ArchiveDownloader(_http, _store.Staging, _hosts, _logger)
                .DownloadAsync(command.Urls, command.Sha256!, command.Size, maxBytes, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UpdateException($"the download did not finish within {_config.Updates.DownloadTimeoutSeconds} s (updates.downloadTimeoutSeconds); it resumes on the next install of the same archive");
        }
    }

    /// <returns>The verified bundle, moved to its version folder.</returns>
    private string Verify(string archive, ModelCommand command, SemanticVersion version, TrustedKeys trusted, CancellationToken cancellationToken)
    {
        var extraction = Path.Combine(_store.Staging, "extract-" + command.Sha256);
        DeleteIfThere(extraction);
        var limits = new ArchiveLimits { MaxTotalBytes = (long)(_config.Updates.MaxArchiveMegabytes * 1024 * 1024) };
        try
        {
            BundleArchive.Extract(archive, extraction, limits, cancellationToken);
            var bundle = BundleSignature.OpenVerified(extraction, trusted, cancellationToken);
            if (!bundle.Manifest.ModelVersion.Equals(version))
            {
                throw new UpdateException($"the archive holds version {bundle.Manifest.ModelVersion}, not the {version} the command names");
            }
        }
        catch (Exception e)
        {
            DeleteIfThere(extraction);
            throw e is BundleException or SignatureException ? new UpdateException($"verification failed: {e.Message}", e) : e;
        }
        finally
        {
            File.Delete(archive);
        }
        var target = _store.VersionFolder(version.ToString());
        DeleteIfThere(target);
        Directory.CreateDirectory(_store.Versions);
        Directory.Move(extraction, target);
        return target;
    }

    private SwitchRecord Switch(ModelCommand command, string folder, string version, string activeFolder, string? activeVersion, ActiveModel candidate)
    {
        var record = new SwitchRecord
        {
            FromFolder = Path.GetFullPath(activeFolder), FromVersion = activeVersion, ToFolder = folder, ToVersion = version,
            CommandId = command.Id, Phase = SwitchPhase.Switching,
        };
        _store.Journal.Write(record);
        try
        {
            _store.Point(folder, previous: activeFolder, _config.Model.Bundle);
            var old = _host?.Swap(candidate);
            if (_host is null)
            {
                // No live pipeline (no cameras): the model was validated; it is loaded for real at the next start.
                candidate.Dispose();
            }
            old?.Dispose();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _store.Restore(activeFolder, _config.Model.Bundle);
            throw new UpdateException($"the switch to {version} failed and {activeVersion ?? "the previous model"} stays active: {e.Message}", e);
        }
        var probation = record with { Phase = SwitchPhase.Probation, ProbationUntilUtc = DateTimeOffset.UtcNow.AddSeconds(_config.Updates.ProbationSeconds) };
        _store.Journal.Write(probation);
        return probation;
    }

    private static void DeleteIfThere(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the staged download(s) {Sha256s} left by earlier installs, oldest first, to stay within updates.maxStagedDownloads and updates.maxStagingMegabytes")]
    private static partial void LogStagingTrimmed(ILogger logger, string sha256s);
}
