using Edge.Agent.Configuration;

namespace Edge.Agent.Tests.Configuration;

/// <summary>The updates keys of issue #12's authority rules: command keys, the version floor, the archive hosts.</summary>
public sealed class UpdatesAuthorityConfigTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private static AgentConfig Parse(string updates) => ConfigFile.Parse(
        $$"""{ "site": "plant1", "device": "box1", "mqtt": { "host": "h" }, "model": { "bundle": "/b" }, "cameras": [], "updates": {{updates}} }""",
        "agent.json", NoEnvironment);

    [Fact]
    public void Commands_are_verified_with_the_trusted_keys_unless_command_keys_are_listed()
    {
        // The reader loads every listed key, so the files must be real public keys.
        using var folder = new Edge.Testing.TempFolder();
        var trusted = PublicKey(folder.File("trusted.pem"));
        var command = PublicKey(folder.File("command.pem"));
        Assert.Equal([trusted], Parse($$"""{ "trustedKeys": ["{{trusted}}"] }""").Updates.EffectiveCommandKeys);
        Assert.Equal([command], Parse($$"""{ "trustedKeys": ["{{trusted}}"], "commandKeys": ["{{command}}"] }""").Updates.EffectiveCommandKeys);
        Assert.Empty(Parse("{}").Updates.EffectiveCommandKeys);
    }

    private static string PublicKey(string path)
    {
        using var key = Edge.Bundles.Signing.SigningKeys.Generate();
        File.WriteAllText(path, Edge.Bundles.Signing.SigningKeys.PublicKeyPem(key));
        return path;
    }

    [Fact]
    public void No_floor_and_no_archive_host_by_default()
    {
        var updates = Parse("{}").Updates;

        Assert.Null(updates.MinimumVersion);
        Assert.Empty(updates.ArchiveHosts);
    }

    [Fact]
    public void A_floor_that_is_no_version_and_a_host_entry_that_is_no_host_are_each_one_problem_with_its_path()
    {
        var problems = Assert.Throws<ConfigException>(() => Parse("""{ "minimumVersion": "v1", "archiveHosts": ["models.local", "http://x/", 7], "commandKeys": [1] }"""))
            .Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
        [
            "$.updates.commandKeys[0]: must be the path of a PEM public key (a string)",
            "$.updates.minimumVersion: must be a semantic version (1.4.0, 2.0.0-rc.1)",
            "$.updates.archiveHosts[1]: must be a host name or address, optionally with :port (no scheme, path, wildcard or spaces)",
            "$.updates.archiveHosts[2]: must be a host name or address, optionally with :port (a string)",
        ], problems);
    }
}
