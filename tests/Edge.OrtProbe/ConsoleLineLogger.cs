using Microsoft.Extensions.Logging;

namespace Edge.OrtProbe;

/// <summary>Writes each log entry as one "log: Level message" line, so a test can see what ORT logged.</summary>
internal sealed class ConsoleLineLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Console.WriteLine($"log: {logLevel} {formatter(state, exception)}");
}
