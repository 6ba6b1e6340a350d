using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace Marketplace.Cli.Commands;

/// <summary>
/// Where a command writes. In JSON mode standard output holds only the JSON document, for scripts and jq; messages,
/// progress and tables go to standard error. Otherwise everything goes to standard output.
/// </summary>
internal sealed class CommandOutput(CliContext context, bool json)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool Json => json;

    public IAnsiConsole Messages => json ? context.Error : context.Out;

    /// <summary>Writes <paramref name="document"/> as indented JSON, as plain text: unwrapped and unstyled.</summary>
    public async Task WriteJsonAsync(JsonElement document, CancellationToken ct) =>
        await context.Out.Profile.Out.Writer.WriteLineAsync(JsonSerializer.Serialize(document, Indented).AsMemory(), ct);
}
