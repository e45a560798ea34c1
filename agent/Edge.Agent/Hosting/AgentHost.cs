using Edge.Agent.Alarms;
using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Edge.Agent.Http;
using Edge.Agent.Mqtt;
using Edge.Agent.Outbox;
using Edge.Agent.Pipeline;
using Edge.Agent.Updates;
using Edge.Agent.Updates.Startup;
using Edge.Fleet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Edge.Agent.Hosting;

/// <summary>
/// Composes the agent on the .NET Generic Host. Hosted services start in this order and stop in reverse:
/// MQTT link, outbox dispatcher, health publisher, systemd notifier, pipeline. So on SIGTERM the pipeline
/// stops first (its last alarms reach the outbox), the outbox is flushed while the link is still up, and
/// only then does the link publish <c>offline</c> and disconnect. The systemd package's lifetime is not
/// used: it would send READY=1 when the host starts, before cameras and model are up.
/// </summary>
public static class AgentHost
{
    /// <summary>Builds the host; the caller owns <paramref name="outbox"/> and disposes it after the host.</summary>
    /// <param name="config">The validated configuration.</param>
    /// <param name="outbox">The opened outbox.</param>
    /// <param name="pipeline">Makes the pipeline the host runs.</param>
    /// <param name="announceStatus">False for side tools: no retained online/offline, no last will, no model updates.</param>
    /// <param name="updates">What the start recovered of model updates; recovered here when not given.</param>
    public static IHost Build(AgentConfig config, SqliteOutbox outbox, Func<IServiceProvider, IFramePipeline> pipeline, bool announceStatus = true, UpdateStartup? updates = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ConfigureLogging(builder.Logging);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));

        var services = builder.Services;
        var topics = new MqttTopics(config.Site, config.Device);
        var metrics = new HealthMetrics();
        foreach (var camera in config.Cameras)
        {
            metrics.AddCamera(camera.Name);
        }
        metrics.Outbox(outbox.Count, outbox.Evicted);
        outbox.Changed += (_, _) => metrics.Outbox(outbox.Count, outbox.Evicted);

        services.AddSingleton(config);
        services.AddSingleton(config.Health);
        services.AddSingleton(topics);
        services.AddSingleton(outbox);
        services.AddSingleton(metrics);
        services.AddSingleton<PipelineProgress>();
        services.AddSingleton(_ => SystemdNotifier.FromEnvironment());
        services.AddSingleton(sp => new AlarmPublisher(outbox, topics, config.Alarms));
        services.AddSingleton(sp => new MqttLink(config.Mqtt, topics, sp.GetRequiredService<ILogger<MqttLink>>(), announceStatus));
        services.AddSingleton(pipeline);
        services.AddSingleton<LiveView>();

        services.AddHostedService(sp => sp.GetRequiredService<MqttLink>());
        services.AddHostedService<OutboxDispatcher>();
        if (announceStatus)
        {
            services.AddHostedService<HealthPublisher>();
            var fleetTopics = new FleetTopics(config.Site, config.Device);
            services.AddSingleton(fleetTopics);
            services.AddSingleton(_ => new ReplayGuard(
                Path.Combine(config.StateDirectory, "updates", "seen-commands.json"), TimeSpan.FromMinutes(config.Updates.ReplayWindowMinutes)));
            services.AddSingleton(_ => new CommandAuthority(config.Updates.EffectiveCommandKeys, fleetTopics));
            services.AddSingleton(_ => new VersionFloor(Path.Combine(config.StateDirectory, "updates", "floor.json"), config.Updates.MinimumVersion));
            services.AddSingleton<ModelCommandInbox>();
            services.AddSingleton(_ => updates ?? UpdateStartup.Recover(config, DateTimeOffset.UtcNow));
            // Built with the other hosted services, before the link starts: the inbox subscribes in its constructor.
            services.AddHostedService<ModelUpdater>();
            if (config.Http.Enabled)
            {
                services.AddSingleton<LocalEndpoint>();
                services.AddHostedService(sp => sp.GetRequiredService<LocalEndpoint>());
            }
        }
        services.AddHostedService(sp => new SystemdNotifyService(
            sp.GetRequiredService<SystemdNotifier>(),
            sp.GetRequiredService<PipelineProgress>(),
            metrics,
            WatchdogSettings.FromEnvironment(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<SystemdNotifyService>>()));
        services.AddHostedService<PipelineService>();
        return builder.Build();
    }

    /// <summary>
    /// Loggers for the start, before the host exists (model loading), formatted like the host's. Warnings and
    /// errors only: a refused start stays one line, and the pipeline says which model it runs once it runs.
    /// </summary>
    public static ILoggerFactory StartupLoggers() => LoggerFactory.Create(logging =>
    {
        ConfigureLogging(logging);
        logging.SetMinimumLevel(LogLevel.Warning);
    });

    /// <summary>journald's format (priority prefix, one line per entry) under systemd, one plain line otherwise; all on stderr.</summary>
    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        if (SystemdHelpers.IsSystemdService() || Environment.GetEnvironmentVariable("JOURNAL_STREAM") is not null)
        {
            logging.AddSystemdConsole(o => o.UseUtcTimestamp = true);
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
        }
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
