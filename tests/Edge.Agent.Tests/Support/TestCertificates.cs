using Edge.Testing;

namespace Edge.Agent.Tests.Support;

/// <summary>
/// A private certificate authority, a broker certificate for 127.0.0.1 and a client certificate, made by
/// the openssl command line (not our code) in a temp folder, as PEM files.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly TempFolder _folder = new("edge-certs-");

    public TestCertificates()
    {
        OpenSsl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Edge Test CA",
            "-keyout", File("ca.key"), "-out", CaFile);
        Issue("server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1");
        Issue("client", "/CN=edge-agent-test", "extendedKeyUsage=clientAuth");
    }

    public string CaFile => File("ca.pem");

    public string ServerCertFile => File("server.pem");

    public string ServerKeyFile => File("server.key");

    public string ClientCertFile => File("client.pem");

    public string ClientKeyFile => File("client.key");

    public void Dispose() => _folder.Dispose();

    private string File(string name) => _folder.File(name);

    private void Issue(string name, string subject, string extension)
    {
        var extensions = File(name + ".ext");
        System.IO.File.WriteAllText(extensions, extension + "\n");
        OpenSsl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", subject, "-keyout", File(name + ".key"), "-out", File(name + ".csr"));
        OpenSsl("x509", "-req", "-in", File(name + ".csr"), "-CA", CaFile, "-CAkey", File("ca.key"), "-CAcreateserial",
            "-days", "2", "-extfile", extensions, "-out", File(name + ".pem"));
    }

    private static void OpenSsl(params string[] arguments) => ExternalTool.RunCapturingAll("openssl", arguments);
}
