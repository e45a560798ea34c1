using System.Globalization;
using System.Text.RegularExpressions;
using Edge.Testing;

namespace Edge.Agent.Tests.Packaging;

public sealed partial class DebianPackageTests(DebianPackageFixture package) : IClassFixture<DebianPackageFixture>
{
    [Theory]
    [InlineData("/usr/bin/edge-agent")]
    [InlineData("/usr/lib/edge-agent/edge-agent.dll")]
    [InlineData("/lib/systemd/system/edge-agent.service")]
    [InlineData("/etc/edge-agent/agent.json")]
    [InlineData("/usr/lib/edge-agent/runtimes/linux-x64/native/libonnxruntime.so")]
    [InlineData("/usr/lib/edge-agent/runtimes/linux-arm64/native/libonnxruntime.so")]
    public void Package_installs_the_expected_file(string path)
    {
        Assert.True(File.Exists(package.InRoot(path)), $"{path} is not in {package.DebPath}");
    }

    [Fact]
    public void Package_carries_no_native_libraries_for_other_platforms()
    {
        var runtimes = Directory.GetDirectories(package.InRoot("/usr/lib/edge-agent/runtimes")).Select(Path.GetFileName).Order();

        Assert.Equal(["linux-arm64", "linux-x64"], runtimes);
    }

    [Fact]
    public void Native_libraries_are_built_for_the_architecture_their_folder_names()
    {
        var x64 = ExternalTool.Run("file", ["-L", package.InRoot("/usr/lib/edge-agent/runtimes/linux-x64/native/libonnxruntime.so")]);
        var arm64 = ExternalTool.Run("file", ["-L", package.InRoot("/usr/lib/edge-agent/runtimes/linux-arm64/native/libonnxruntime.so")]);

        Assert.Contains("x86-64", x64, StringComparison.Ordinal);
        Assert.Contains("aarch64", arm64, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_file_declares_one_package_for_every_architecture_and_its_runtime_dependencies()
    {
        var control = File.ReadAllText(Path.Combine(package.Control, "control"));

        Assert.Contains("Architecture: all", control, StringComparison.Ordinal);
        // The local HTTP endpoint runs on ASP.NET Core: the plain .NET runtime is not enough.
        Assert.Matches(@"Depends: aspnetcore-runtime-10\.0,", control);
        Assert.Matches(@"Depends:.*libpng16-16", control);
        Assert.Matches(@"Depends:.*libturbojpeg0", control);
        Assert.Matches(@"Depends:.*ffmpeg", control);
    }

    [Fact]
    public void The_config_is_a_conffile_so_upgrades_keep_local_edits()
    {
        var conffiles = File.ReadAllLines(Path.Combine(package.Control, "conffiles"));

        Assert.Contains("/etc/edge-agent/agent.json", conffiles);
    }

    [Theory]
    [InlineData("postinst")]
    [InlineData("prerm")]
    [InlineData("postrm")]
    public void Maintainer_script_is_executable_valid_shell(string script)
    {
        var path = Path.Combine(package.Control, script);

        Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute));
        ExternalTool.Run("sh", ["-n", path]);
    }

    [Fact]
    public void Only_purge_deletes_the_state_folder()
    {
        var postrm = File.ReadAllText(Path.Combine(package.Control, "postrm"));
        var purgeBlock = PurgeBlock().Match(postrm);

        Assert.True(purgeBlock.Success, "postrm has no purge branch");
        Assert.Contains("rm -rf /var/lib/edge-agent", purgeBlock.Value, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(postrm, "/var/lib/edge-agent"));
        Assert.DoesNotContain("/var/lib/edge-agent", File.ReadAllText(Path.Combine(package.Control, "prerm")), StringComparison.Ordinal);
    }

    [Fact]
    public void Systemd_unit_passes_systemd_analyze_verify_without_warnings()
    {
        using var folder = new TempFolder();
        // verify checks that ExecStart exists, so point it at the launcher in the scratch root.
        var unit = File.ReadAllText(package.InRoot("/lib/systemd/system/edge-agent.service"))
            .Replace("/usr/bin/edge-agent", package.InRoot("/usr/bin/edge-agent"), StringComparison.Ordinal);
        var path = folder.File("edge-agent.service");
        File.WriteAllText(path, unit);

        var output = ExternalTool.RunCapturingAll("systemd-analyze", ["verify", path]);

        Assert.Equal("", output.Trim());
    }

    [Fact]
    public void Systemd_unit_exposure_score_is_at_most_two()
    {
        var output = ExternalTool.Run("systemd-analyze", ["security", "--offline=true", "--no-pager", package.InRoot("/lib/systemd/system/edge-agent.service")]);
        var score = ExposureScore().Match(output);

        Assert.True(score.Success, output);
        Assert.InRange(double.Parse(score.Groups[1].Value, CultureInfo.InvariantCulture), 0.0, 2.0);
    }

    [Fact]
    public void Systemd_unit_is_a_notify_service_with_a_watchdog_and_bounded_restarts()
    {
        var unit = File.ReadAllText(package.InRoot("/lib/systemd/system/edge-agent.service"));

        Assert.Contains("Type=notify", unit, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^WatchdogSec=\d+", unit);
        Assert.Contains("Restart=on-failure", unit, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^StartLimitBurst=\d+", unit);
        Assert.Matches(@"(?m)^CapabilityBoundingSet=$", unit);
        Assert.Contains("ReadWritePaths=/var/lib/edge-agent", unit, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?s)""purge"".*?\bfi\b")]
    private static partial Regex PurgeBlock();

    [GeneratedRegex(@"Overall exposure level for .*?: (\d+\.\d+)")]
    private static partial Regex ExposureScore();
}
