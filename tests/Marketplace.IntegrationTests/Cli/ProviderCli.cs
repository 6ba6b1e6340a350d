using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using Marketplace.Catalog.Collections;
using Marketplace.Cli;
using Marketplace.Cli.Uploads;
using Marketplace.Platform.Outcomes;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using CliProgram = Marketplace.Cli.Program;

namespace Marketplace.IntegrationTests.Cli;

/// <summary>
/// Runs the command-line client against <see cref="ProviderCliApp"/> over real HTTP, with its standard output and
/// error captured apart, its resume state in a temp folder, and every Put Block it sends to storage counted.
/// </summary>
public sealed class ProviderCli(ProviderCliApp app) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("marketplace-cli-provider-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string StatePath => Path.Combine(_folder.FullName, "uploads.json");

    /// <summary>The block numbers of every Put Block sent to Blob storage through a write URL, in the order sent.</summary>
    public ConcurrentQueue<int> BlocksSentToStorage { get; } = new();

    /// <summary>The block numbers of every block sent through the API (<c>PUT /uploads/{id}/blocks/{n}</c>).</summary>
    public ConcurrentQueue<int> BlocksSentThroughApi { get; } = new();

    public Task<(int ExitCode, string Output, string Error)> RunAsync(string client, params string[] arguments) =>
        RunAsync(client, Ct, arguments);

    /// <summary>Runs the CLI as the demo client <paramref name="client"/> until it ends or <paramref name="ct"/> interrupts it, as Ctrl+C would.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(string client, CancellationToken ct, params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var demo = app.DemoClient(client);
        var context = new CliContext(_ => null, TimeProvider.System, () => new BlockCounter(BlocksSentToStorage, BlocksSentThroughApi), Console(output), Console(error),
            Path.Combine(_folder.FullName, "none.json"));
        string[] credentials = ["--url", app.BaseAddress.ToString(), "--client-id", demo.ClientId, "--client-secret", demo.ClientSecret];
        var exit = await CliProgram.RunAsync([.. arguments, .. credentials], context, new InvocationConfiguration(), ct);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A collection of the demo provider organization (orbital-eye), made for one test.</summary>
    public async Task<string> CreateCollectionAsync()
    {
        var id = "cli-" + Guid.NewGuid().ToString("N")[..12];
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UpsertCollection>().HandleAsync(JsonNode.Parse("""
            {"type": "Collection", "stac_version": "1.1.0", "id": "COLLECTION", "title": "CLI uploads", "description": "Scenes uploaded with the command-line client.",
             "license": "proprietary", "links": [],
             "extent": {"spatial": {"bbox": [[-180, -90, 180, 90]]}, "temporal": {"interval": [[null, null]]}}}
            """.Replace("COLLECTION", id, StringComparison.Ordinal))!.AsObject(), app.OrganizationId("orbital-eye"), Ct);
        Assert.True(created is Outcome<Marketplace.Catalog.Persistence.CollectionRecord>.Ok, $"The collection was not created: {created}");
        return id;
    }

    /// <summary>A 3-band Byte GeoTIFF in UTM zone 50N of <paramref name="size"/>² pixels, made by gdal_create (3 MiB for 1024).</summary>
    public async Task<string> GeoTiffAsync(string name, int size = 1024)
    {
        var path = Path.Combine(_folder.FullName, name);
        var right = (440000 + (5 * size)).ToString(CultureInfo.InvariantCulture);
        var bottom = (4420000 - (5 * size)).ToString(CultureInfo.InvariantCulture);
        var sizeText = size.ToString(CultureInfo.InvariantCulture);
        using var gdal = Process.Start(new ProcessStartInfo("gdal_create",
            ["-q", "-of", "GTiff", "-outsize", sizeText, sizeText, "-bands", "3", "-ot", "Byte", "-burn", "10", "-burn", "20", "-burn", "30",
             "-a_srs", "EPSG:32650", "-a_ullr", "440000", "4420000", right, bottom, path])
        { RedirectStandardError = true })!;
        var stderr = await gdal.StandardError.ReadToEndAsync(Ct);
        await gdal.WaitForExitAsync(Ct);
        Assert.True(gdal.ExitCode == 0, $"gdal_create failed: {stderr}");
        return path;
    }

    /// <summary>A STAC item draft with a unique id.</summary>
    public string Draft(out string itemId)
    {
        itemId = "scene-" + Guid.NewGuid().ToString("N")[..12];
        var path = Path.Combine(_folder.FullName, itemId + ".json");
        File.WriteAllText(path, $$$"""{"type": "Feature", "id": "{{{itemId}}}", "properties": {"datetime": "2030-01-01T10:00:00Z", "gsd": 5}}""");
        return path;
    }

    /// <summary>Opens an upload as another client run would have, sends some of its blocks, and records it in the resume state.</summary>
    public async Task<Guid> StartUploadAsync(string path, long blockSize, params int[] blocks)
    {
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        using var api = await app.ClientAsAsync("demo-uploader", Ct);
        using var created = await api.PostAsJsonAsync("/uploads",
            new { fileName = Path.GetFileName(path), size = bytes.Length, mediaType = "image/tiff", sha256, blockSize }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var upload = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = upload.GetProperty("id").GetGuid();
        var url = upload.GetProperty("uploadUrl").GetString()!;
        using var storage = new HttpClient();
        foreach (var n in blocks)
        {
            var offset = (int)(n * blockSize);
            using var request = new HttpRequestMessage(HttpMethod.Put, $"{url}&comp=block&blockid={Uri.EscapeDataString(BlockIds.For(n))}")
            {
                Content = new ByteArrayContent(bytes, offset, (int)Math.Min(blockSize, bytes.Length - offset)),
            };
            request.Headers.Add("x-ms-version", BlobBlockWriter.StorageVersion);
            using var response = await storage.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        var file = FileFingerprint.Of(path);
        await new UploadStateFile(StatePath, TimeProvider.System).SaveAsync(new UploadStateEntry(app.BaseAddress.ToString(), "demo-uploader",
            file.Path, file.Size, file.LastWriteTime, sha256, id, "image/tiff", upload.GetProperty("expiresAt").GetDateTimeOffset()), Ct);
        return id;
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var api = await app.ClientAsAsync("demo-uploader", Ct);
        using var response = await api.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        return console;
    }

    /// <summary>Real sockets, with each block counted on its way out, to storage or through the API.</summary>
    private sealed class BlockCounter(ConcurrentQueue<int> toStorage, ConcurrentQueue<int> throughApi) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var query = HttpUtility.ParseQueryString(uri.Query);
            if (request.Method == HttpMethod.Put && query["comp"] == "block" && query["blockid"] is { } id)
            {
                toStorage.Enqueue(int.Parse(Encoding.ASCII.GetString(Convert.FromBase64String(id)), CultureInfo.InvariantCulture));
            }
            else if (request.Method == HttpMethod.Put && uri.Segments is [.., "blocks/", var number])
            {
                throughApi.Enqueue(int.Parse(number, CultureInfo.InvariantCulture));
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
