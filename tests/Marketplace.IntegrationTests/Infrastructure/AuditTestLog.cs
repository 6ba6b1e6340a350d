using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Audit.Sequencing;
using Marketplace.Platform.Audit.TreeHeads;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Infrastructure;

/// <summary>Drives the audit log of a test app deterministically: sequence now, publish a head now, read entries.</summary>
public static class AuditTestLog
{
    public static async Task SequenceAllAsync(MarketplaceApp app, CancellationToken ct)
    {
        var sequencer = app.Services.GetRequiredService<AuditSequencer>();
        while (await sequencer.SequenceAsync(ct) > 0) { }
    }

    public static async Task<SignedTreeHead> PublishHeadAsync(MarketplaceApp app, CancellationToken ct)
    {
        await SequenceAllAsync(app, ct);
        await app.Services.GetRequiredService<PublishTreeHead>().HandleAsync(force: true, ct);
        using var client = app.CreateClient();
        return (await client.GetFromJsonAsync<SignedTreeHead>("/audit/sth", ct))!;
    }

    /// <summary>Every entry the client may see, page by page.</summary>
    public static async Task<List<JsonElement>> EntriesAsync(HttpClient client, CancellationToken ct)
    {
        var entries = new List<JsonElement>();
        for (long start = 0; ; start += 10_000)
        {
            var page = await MarketplaceApp.ReadJsonAsync(await client.GetAsync($"/audit/entries?start={start}", ct), ct);
            entries.AddRange(page.GetProperty("entries").EnumerateArray());
            if (start + 10_000 >= page.GetProperty("tree_size").GetInt64())
            {
                return entries;
            }
        }
    }

    public static AuditEvent Marked(string marker, params Guid[] organizations) =>
        new("test.marked", AuditActor.Platform, [$"marker:{marker}"], organizations, Details: new Dictionary<string, string> { ["marker"] = marker });

    public static int CountWithMarker(IEnumerable<JsonElement> entries, string marker) =>
        entries.Count(e => e.GetProperty("entry").TryGetProperty("details", out var d) && d.TryGetProperty("marker", out var m) && m.GetString() == marker);
}
