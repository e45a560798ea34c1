using Edge.Testing;

namespace Edge.Agent.Tests.Support;

/// <summary>A test class with its own temp folder and its own Mosquitto broker on a free port, both removed after each test.</summary>
public abstract class BrokerTest : IDisposable
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected TempFolder Folder { get; } = new();

    protected MosquittoBroker Broker { get; } = MosquittoBroker.Start();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Broker.Dispose();
            Folder.Dispose();
        }
    }
}
