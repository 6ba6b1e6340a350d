using System.Text.Json;

namespace Marketplace.Cli.Http;

/// <summary>One finding of a pipeline step: a stable code, its severity (<c>info</c>, <c>warning</c>, <c>error</c>), a message, and where.</summary>
internal sealed record FindingView(string Code, string Severity, string Message, string? Location)
{
    private static readonly string[] Severities = ["info", "warning", "error"];

    public static FindingView From(JsonElement finding) => new(
        Text(finding, "code") ?? "?",
        Text(finding, "severity") is { } severity
            ? int.TryParse(severity, out var level) && level >= 0 && level < Severities.Length ? Severities[level] : severity.ToLowerInvariant()
            : "?",
        Text(finding, "message") ?? "",
        Text(finding, "location"));

    private static string? Text(JsonElement finding, string name) =>
        finding.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        } : null;
}
