using System.CommandLine;
using Marketplace.Cli.Configuration;

namespace Marketplace.Cli.Commands;

/// <summary>The options that say which server and client to use, shared by every command.</summary>
internal sealed class CredentialOptionSet
{
    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"Base URL of the marketplace API [env: {CliCredentials.UrlVariable}]",
        HelpName = "URL",
        Recursive = true,
    };

    public Option<string?> ClientId { get; } = new("--client-id")
    {
        Description = $"API client id [env: {CliCredentials.ClientIdVariable}]",
        HelpName = "ID",
        Recursive = true,
    };

    public Option<string?> ClientSecret { get; } = new("--client-secret")
    {
        Description = $"API client secret; prefer the environment, which other users cannot see [env: {CliCredentials.ClientSecretVariable}]",
        HelpName = "SECRET",
        Recursive = true,
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Profile file, JSON {\"url\",\"clientId\",\"clientSecret\"} [default: $XDG_CONFIG_HOME/marketplace/profile.json or ~/.config/marketplace/profile.json]",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<string?> Demo { get; } = new("--demo")
    {
        Description = "Demo world file written by the run command, used last [default: .local/demo.json when it exists]",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<string?> DemoClient { get; } = new("--demo-client")
    {
        Description = $"Client of the demo world to act as [default: {CliCredentials.AuditorDemoClient} for audit, {CliCredentials.ReviewerDemoClient} for reviews, {CliCredentials.UploaderDemoClient} for upload, products and status]",
        HelpName = "NAME",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Url);
        command.Add(ClientId);
        command.Add(ClientSecret);
        command.Add(Profile);
        command.Add(Demo);
        command.Add(DemoClient);
    }

    /// <summary>The server and client for a command whose demo client, when nothing names one, is <paramref name="defaultDemoClient"/>.</summary>
    public Task<CliCredentials> ResolveAsync(ParseResult parseResult, CliContext context, string defaultDemoClient, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        var options = new CredentialOptions(
            parseResult.GetValue(Url),
            parseResult.GetValue(ClientId),
            parseResult.GetValue(ClientSecret),
            parseResult.GetValue(Profile),
            parseResult.GetValue(Demo),
            parseResult.GetValue(DemoClient));
        return CliCredentials.ResolveAsync(options, context.Environment, context.DefaultDemoPath, defaultDemoClient, ct);
    }
}
