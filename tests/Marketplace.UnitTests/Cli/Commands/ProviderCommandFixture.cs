using System.CommandLine;
using System.Security.Cryptography;
using CliProgram = Marketplace.Cli.Program;

namespace Marketplace.UnitTests.Cli.Commands;

/// <summary>A <see cref="FakeProviderServer"/>, a folder of files for one test, and a way to run the CLI against them as an uploader.</summary>
internal sealed class ProviderCommandFixture : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("marketplace-cli-provider-");

    public ProviderCommandFixture() => Cli = new CliTestContext(Server, new Dictionary<string, string> { ["HOME"] = _folder.FullName });

    public FakeProviderServer Server { get; } = new();

    public CliTestContext Cli { get; private set; }

    public string StatePath => Path.Combine(_folder.FullName, "uploads.json");

    public string DraftPath => Write("draft.json", """{"id": "scene-1", "properties": {"datetime": "2030-01-01T00:00:00Z"}}""");

    public string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A file of reproducible bytes; <paramref name="head"/> goes first (a format signature).</summary>
    public (string Path, byte[] Content) File(string name, int length, byte[]? head = null)
    {
        var content = new byte[length];
        new Random(length).NextBytes(content);
        head?.CopyTo(content, 0);
        var path = Path.Combine(_folder.FullName, name);
        System.IO.File.WriteAllBytes(path, content);
        return (path, content);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Runs the CLI with fresh captured output, as the demo world's default client would (explicit URL and client here).</summary>
    public Task<int> RunAsync(params string[] args)
    {
        Cli = new CliTestContext(Server, new Dictionary<string, string> { ["HOME"] = _folder.FullName });
        string[] server = ["--url", FakeProviderServer.BaseUrl.ToString(), "--client-id", "demo-uploader", "--client-secret", "secret"];
        return CliProgram.RunAsync([.. args, .. server], Cli.Context,
            new InvocationConfiguration { ProcessTerminationTimeout = null, Output = TextWriter.Null, Error = TextWriter.Null },
            TestContext.Current.CancellationToken);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
