using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.IntegrationTests.Cli;

/// <summary>
/// The marketplace for the provider commands, served by Kestrel on a loopback port: the command-line client talks
/// real HTTP to it and, through the write URLs it hands out, to the real Azurite.
/// </summary>
public sealed class ProviderCliApp(StackFixture stack) : MarketplaceApp(stack)
{
    private WebApplicationFactory<Program>? _server;

    public Uri BaseAddress { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        (_server, var address) = StartHttpServer();
        BaseAddress = new Uri(address.AbsoluteUri.TrimEnd('/') + "/");
    }

    public override async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}
