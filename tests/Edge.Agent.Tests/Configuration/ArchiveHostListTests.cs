using Edge.Agent.Configuration;

namespace Edge.Agent.Tests.Configuration;

/// <summary>updates.archiveHosts: which URLs a device may fetch from, compared as URIs normalize hosts, so no spelling slips past.</summary>
public sealed class ArchiveHostListTests
{
    private static readonly ArchiveHostList Hosts = ArchiveHostList.Of(["models.local", "10.0.0.5:8443", "[::1]:8080"]);

    [Theory]
    [InlineData("http://models.local/b.zip")]
    [InlineData("https://MODELS.local:9000/b.zip")]
    [InlineData("https://10.0.0.5:8443/b.zip")]
    [InlineData("http://[::1]:8080/b.zip")]
    [InlineData("mqtt-chunks:aaaa")]
    public void A_listed_host_on_an_allowed_port_may_be_fetched_from(string url) => Assert.Null(Hosts.Refusal(new Uri(url)));

    [Theory]
    [InlineData("http://10.0.0.5/b.zip", "10.0.0.5 is not in updates.archiveHosts")]
    [InlineData("http://10.0.0.5:8444/b.zip", "10.0.0.5:8444 is not in updates.archiveHosts")]
    [InlineData("http://models.local.evil.example/b.zip", "models.local.evil.example is not in updates.archiveHosts")]
    [InlineData("http://[::1]:8081/b.zip", "[::1]:8081 is not in updates.archiveHosts")]
    [InlineData("file:///etc/passwd", "file: address is refused: archives come over http or https, or as mqtt-chunks:")]
    public void Any_other_host_port_or_scheme_is_refused_naming_only_what_the_url_named(string url, string reason) =>
        Assert.Equal(reason, Hosts.Refusal(new Uri(url)));

    [Fact]
    public void Another_spelling_of_a_listed_address_is_the_same_host()
    {
        var loopback = ArchiveHostList.Of(["127.0.0.1"]);

        Assert.Null(loopback.Refusal(new Uri("http://127.1/b.zip")));
        Assert.Null(loopback.Refusal(new Uri("http://0x7f.0.0.1/b.zip")));
    }

    [Fact]
    public void An_empty_list_refuses_every_server_and_says_how_to_allow_one() =>
        Assert.Equal("models.local is not in updates.archiveHosts, which is empty: this device downloads from no server (list the model server's host, or send the archive as mqtt-chunks:)",
            ArchiveHostList.Of([]).Refusal(new Uri("http://models.local/b.zip")));

    [Theory]
    [InlineData("http://models.local", "must be a host name or address, optionally with :port (no scheme, path, wildcard or spaces)")]
    [InlineData("*.local", "must be a host name or address, optionally with :port (no scheme, path, wildcard or spaces)")]
    [InlineData("models.local:0", "has a port that is not 1..65535")]
    [InlineData("models.local:65536", "has a port that is not 1..65535")]
    [InlineData("::1", "must write an IPv6 address in brackets ([::1])")]
    public void An_entry_that_is_not_a_host_or_host_and_port_says_why(string entry, string problem) =>
        Assert.Equal(problem, ArchiveHostList.EntryProblem(entry));
}
