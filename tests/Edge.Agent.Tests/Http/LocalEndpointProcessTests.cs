using System.Net;
using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Http;

/// <summary>The agent process serving its local endpoint on a free loopback port, read with a real HTTP client.</summary>
public sealed class LocalEndpointProcessTests : BrokerTest
{
    [Fact]
    public async Task The_agent_serves_healthz_metrics_and_its_page_on_loopback()
    {
        var port = FreePort.Pick();
        var config = AgentConfigFile.Write(Folder, Broker.Port, httpPort: port);
        using var status = Broker.Subscribe("edge/plant1/box1/status");
        using var agent = AgentProcess.Start(["run", "--config", config]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        status.WaitUntil(m => m.Any(x => x.Payload == "online"), Patience);

        var health = await GetEventuallyAsync(http, "/healthz", HttpStatusCode.OK);
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var missing = await http.GetAsync(new Uri("/cameras/none/latest.jpg", UriKind.Relative));
        agent.Terminate();

        Assert.Contains("\"status\":\"ok\"", health, StringComparison.Ordinal);
        Assert.Contains("# TYPE edge_agent_ready gauge\nedge_agent_ready 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("<h1>plant1 / box1</h1>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    [Fact]
    public void A_port_already_taken_refuses_the_start_in_one_line_naming_it()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var config = AgentConfigFile.Write(Folder, Broker.Port, httpPort: port);

        var (code, _, errors) = AgentProcess.Run("run", "--config", config);

        Assert.NotEqual(0, code);
        Assert.Contains($"the local HTTP endpoint cannot listen on 127.0.0.1:{port}", errors, StringComparison.Ordinal);
    }

    private static async Task<string> GetEventuallyAsync(HttpClient http, string path, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == wanted)
                {
                    return body;
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{path} answered {(int)response.StatusCode} {body}");
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
    }
}
