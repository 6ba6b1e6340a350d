namespace Marketplace.Cli.Configuration;

/// <summary>
/// What the command line says about the server and the client: <c>--url</c>, <c>--client-id</c>,
/// <c>--client-secret</c>, <c>--profile FILE</c>, <c>--demo FILE</c> and <c>--demo-client NAME</c>; null when not given.
/// </summary>
internal sealed record CredentialOptions(
    string? Url = null,
    string? ClientId = null,
    string? ClientSecret = null,
    string? ProfilePath = null,
    string? DemoPath = null,
    string? DemoClient = null);
