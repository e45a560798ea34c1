using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Http;

/// <summary>
/// Who may read the live page and the cameras' pictures: the agent process with <c>http.tls</c> and
/// <c>http.auth</c> on a free loopback port, read with a real HTTPS client that trusts the test authority, and
/// <c>check-config</c> on addresses reachable from the network.
/// </summary>
public sealed class LocalEndpointAccessProcessTests : BrokerTest
{
    private const string Token = "0123456789abcdef-test-token";
    private static readonly string[] Paths = ["/", "/cameras/line1/latest.jpg", "/metrics", "/healthz"];
    private readonly TestCertificates _certificates = new();

    [Fact]
    public void Check_config_refuses_a_network_address_without_tls_and_auth_in_one_line_unless_explicitly_allowed()
    {
        var (refusedCode, _, refused) = CheckConfig("""{ "bind": "0.0.0.0", "port": 8443 }""");
        var (halfCode, _, half) = CheckConfig($$"""{ "bind": "::", "auth": { "token": "{{Token}}" } }""");
        var (allowedCode, allowed, _) = CheckConfig("""{ "bind": "0.0.0.0", "allowUnprotected": true }""");
        var (protectedCode, protectedOutput, _) = CheckConfig(Protected("0.0.0.0", 8443));
        var (loopbackCode, loopback, _) = CheckConfig("""{ "bind": "127.0.0.1" }""");

        Assert.Equal(1, refusedCode);
        var line = Assert.Single(refused.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("$.http.bind: 0.0.0.0 is reachable from the network but http.tls and http.auth are not set", line, StringComparison.Ordinal);
        Assert.Contains("http.allowUnprotected", line, StringComparison.Ordinal);
        Assert.Equal(1, halfCode);
        Assert.Contains("$.http.bind: :: is reachable from the network but http.tls is not set", half, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (allowedCode, protectedCode, loopbackCode));
        Assert.All(new[] { allowed, protectedOutput, loopback }, output => Assert.Contains(": ok", output, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_config_names_a_missing_certificate_file_and_a_short_token()
    {
        var (code, _, errors) = CheckConfig($$"""
            { "tls": { "certFile": "{{Folder.File("missing.pem")}}", "keyFile": "{{_certificates.ServerKeyFile}}" }, "auth": { "token": "short" } }
            """);

        Assert.Equal(1, code);
        Assert.Contains("$.http.tls.certFile: the file", errors, StringComparison.Ordinal);
        Assert.Contains("$.http.auth.token: must have at least 16 characters", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_tls_and_a_token_every_path_answers_only_an_https_client_that_carries_the_token()
    {
        var port = FreePort.Pick();
        var config = AgentConfigFile.Write(Folder, Broker.Port, http: Protected("127.0.0.1", port));
        using var status = Broker.Subscribe("edge/plant1/box1/status");
        using var agent = AgentProcess.Start(["run", "--no-model", "--config", config]);
        using var https = TrustingTestAuthority(new Uri($"https://127.0.0.1:{port}"));
        using var plain = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        status.WaitUntil(m => m.Any(x => x.Payload == "online"), Patience);
        await WaitListeningAsync(https);

        var anonymous = new Dictionary<string, HttpResponseMessage>();
        foreach (var path in Paths)
        {
            anonymous[path] = await https.GetAsync(new Uri(path, UriKind.Relative));
        }
        var wrong = await SendAsync(https, "/", new AuthenticationHeaderValue("Bearer", Token + "x"));
        var bearer = await SendAsync(https, "/metrics", new AuthenticationHeaderValue("Bearer", Token));
        var basic = await SendAsync(https, "/", new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("edge:" + Token))));
        var picture = await SendAsync(https, "/cameras/line1/latest.jpg", new AuthenticationHeaderValue("Bearer", Token));
        var unencrypted = await Record.ExceptionAsync(() => plain.GetAsync(new Uri("/healthz", UriKind.Relative)));
        agent.Terminate();

        Assert.All(anonymous.Values, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.StartsWith("Basic", anonymous["/"].Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Contains("edge_agent_ready", await bearer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        Assert.Contains("<h1>plant1 / box1</h1>", await basic.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Authenticated, the picture route is reached: no camera of that name here.
        Assert.Equal(HttpStatusCode.NotFound, picture.StatusCode);
        Assert.IsType<HttpRequestException>(unencrypted);
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _certificates.Dispose();
        }
        base.Dispose(disposing);
    }

    private string Protected(string bind, int port) => $$"""
        { "bind": "{{bind}}", "port": {{port}},
          "tls": { "certFile": "{{_certificates.ServerCertFile}}", "keyFile": "{{_certificates.ServerKeyFile}}" },
          "auth": { "token": "{{Token}}" } }
        """;

    private (int Code, string Output, string Errors) CheckConfig(string http) =>
        AgentProcess.Run("check-config", "--config", AgentConfigFile.Write(Folder, Broker.Port, http: http));

    /// <summary>An HTTPS client that trusts the test authority only (not the system's store).</summary>
    private HttpClient TrustingTestAuthority(Uri address)
    {
        var authority = X509Certificate2.CreateFromPem(File.ReadAllText(_certificates.CaFile));
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        return new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = authorization;
        return await http.SendAsync(request);
    }

    private static async Task WaitListeningAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
