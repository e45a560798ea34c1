using Edge.Testing;

namespace Edge.Agent.Tests.Packaging;

/// <summary>Builds the agent's .deb once (packaging/build-deb.sh, as `make package` does) and unpacks it into a scratch root.</summary>
public sealed class DebianPackageFixture : IDisposable
{
    private readonly TempFolder _folder = new("edge-deb-");

    public DebianPackageFixture()
    {
        var output = Path.Combine(_folder.Path, "out");
        ExternalTool.Run("bash", ["-c", $"EDGE_DEB_OUT='{output}' '{RepositoryRoot.Combine("packaging", "build-deb.sh")}' Release"], TimeSpan.FromMinutes(8));
        DebPath = Directory.GetFiles(output, "*.deb").Single();
        Root = Path.Combine(_folder.Path, "root");
        Control = Path.Combine(_folder.Path, "control");
        ExternalTool.Run("dpkg-deb", ["-x", DebPath, Root]);
        ExternalTool.Run("dpkg-deb", ["-e", DebPath, Control]);
    }

    public string DebPath { get; }

    /// <summary>The package's files, extracted as dpkg would install them.</summary>
    public string Root { get; }

    /// <summary>The package's control folder: control, conffiles and the maintainer scripts.</summary>
    public string Control { get; }

    public string InRoot(string absolutePath) => Path.Combine(Root, absolutePath.TrimStart('/'));

    public void Dispose() => _folder.Dispose();
}
