using System.Security.Cryptography;
using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Configuration;

/// <summary>The real edge-agent process: check-config and run against good and bad files.</summary>
public class CheckConfigCommandTests
{
    [Fact]
    public void The_shipped_packaging_agent_json_passes_check_config()
    {
        var (code, output, errors) = AgentProcess.Run("check-config", "--config", RepositoryRoot.Combine("packaging", "agent.json"));

        Assert.True(code == 0, errors);
        Assert.Contains("agent.json: ok (0 camera(s), broker 127.0.0.1:1883)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_config_prints_every_problem_with_its_path_and_exits_non_zero()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.json");
        File.WriteAllText(path, """{ "site": "a", "device": "b", "mqtt": { "host": "h", "port": 0 }, "model": {}, "cameras": [ { "name": "c" } ] }""");

        var (code, _, errors) = AgentProcess.Run("check-config", "--config", path);

        Assert.Equal(1, code);
        Assert.Equal(
            [
                $"{path}: $.mqtt.port: must be 1..65535",
                $"{path}: $.model.bundle: is required",
                $"{path}: $.cameras[0]: needs one source: \"ffmpeg\", \"gstreamer\", \"v4l2\" or \"folder\"",
            ],
            errors.Split('\n'));
    }

    [Fact]
    public void Run_refuses_a_bad_file_in_one_line_without_a_stack_trace()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.json");
        File.WriteAllText(path, """{ "site": "a", "device": "b", "mqtt": { "host": "h", "port": "x" }, "model": { "bundle": "/b" } }""");

        var (code, output, errors) = AgentProcess.Run("run", "--config", path);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"edge-agent run: refusing to start: {path}: $.mqtt.port: must be an integer 1..65535", errors);
    }

    [Theory]
    [InlineData("\"site\": \"a\", \"site\": \"b\"", "$.site: appears more than once")]
    [InlineData("\"site\": \"a\", \"Site\": \"b\"", "$.Site: appears more than once (as \"site\" and \"Site\": keys are matched ignoring case)")]
    public void A_duplicate_key_is_one_line_with_its_path_in_check_config_and_in_run(string sites, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.File("twice.json");
        File.WriteAllText(path, $$"""{ {{sites}}, "device": "b", "mqtt": { "host": "h" }, "model": { "bundle": "/b" } }""");

        var (checkCode, _, checkErrors) = AgentProcess.Run("check-config", "--config", path);
        var (runCode, _, runErrors) = AgentProcess.Run("run", "--config", path);

        Assert.Equal((1, $"{path}: {problem}"), (checkCode, checkErrors));
        Assert.Equal((2, $"edge-agent run: refusing to start: {path}: {problem}"), (runCode, runErrors));
    }

    [Fact]
    public void Check_config_refuses_missing_tls_files_and_a_private_key_in_trusted_keys_in_one_line_each_and_run_refuses_them_too()
    {
        using var folder = new TempFolder();
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            File.WriteAllText(folder.File("edge-signing.key"), key.ExportPkcs8PrivateKeyPem());
        }
        var path = folder.File("agent.json");
        File.WriteAllText(path, $$"""
            { "site": "a", "device": "b", "stateDirectory": "{{folder.Path}}/state",
              "mqtt": { "host": "h", "tls": { "caFile": "{{folder.File("ca.pem")}}", "certFile": "{{folder.File("client.pem")}}", "keyFile": "{{folder.File("client.key")}}" } },
              "model": { "bundle": "/b" },
              "updates": { "trustedKeys": ["{{folder.File("edge-signing.key")}}", "{{folder.File("absent.pub")}}"] } }
            """);

        var (checkCode, _, checkErrors) = AgentProcess.Run("check-config", "--config", path);
        var (runCode, _, runErrors) = AgentProcess.Run("run", "--config", path);

        Assert.Equal(1, checkCode);
        Assert.Equal(
            [
                $"{path}: $.mqtt.tls.caFile: cannot be read: Could not find file '{folder.File("ca.pem")}'.",
                $"{path}: $.mqtt.tls.certFile: cannot be read: Could not find file '{folder.File("client.pem")}'.",
                $"{path}: $.mqtt.tls.keyFile: cannot be read: Could not find file '{folder.File("client.key")}'.",
                $"{path}: $.updates.trustedKeys[0]: '{folder.File("edge-signing.key")}' is a private key: trust its public key (edge-signing.pub) instead, and keep the private key on the workstation",
                $"{path}: $.updates.trustedKeys[1]: cannot be read: Could not find file '{folder.File("absent.pub")}'.",
            ],
            checkErrors.Split('\n'));
        Assert.Equal(2, runCode);
        Assert.StartsWith($"edge-agent run: refusing to start: {path}: 5 problems: $.mqtt.tls.caFile: cannot be read", runErrors, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", runErrors, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_config_accepts_tls_files_and_a_trusted_key_that_run_can_use()
    {
        using var folder = new TempFolder();
        using var certificates = new TestCertificates();
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            File.WriteAllText(folder.File("edge-signing.pub"), key.ExportSubjectPublicKeyInfoPem());
        }
        var path = folder.File("agent.json");
        File.WriteAllText(path, $$"""
            { "site": "a", "device": "b", "mqtt": { "host": "h", "tls": { "caFile": "{{certificates.CaFile}}", "certFile": "{{certificates.ClientCertFile}}", "keyFile": "{{certificates.ClientKeyFile}}" } },
              "model": { "bundle": "/b" }, "updates": { "trustedKeys": ["{{folder.File("edge-signing.pub")}}"] } }
            """);

        var (code, output, errors) = AgentProcess.Run("check-config", "--config", path);

        Assert.True(code == 0, errors);
        Assert.Equal($"{path}: ok (0 camera(s), broker h:8883)", output);
    }

    [Fact]
    public void Run_names_a_missing_config_file()
    {
        using var folder = new TempFolder();

        var (code, _, errors) = AgentProcess.Run("run", "--config", folder.File("absent.json"));

        Assert.Equal(2, code);
        Assert.StartsWith($"edge-agent run: refusing to start: {folder.File("absent.json")}: $: cannot read the file:", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", errors, StringComparison.Ordinal);
    }
}
