using Marketplace.Platform.Keys;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Marketplace.Identity.Tokens;

/// <summary>
/// Adds the platform's document-signing keys (audit tree heads, certification reports) to the JWKS the token server
/// publishes, without making them token signing keys.
/// </summary>
public sealed class PublishedKeysHandler(IEnumerable<IPublishedSigningKey> keys) : IOpenIddictServerHandler<HandleJsonWebKeySetRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleJsonWebKeySetRequestContext>()
            .UseSingletonHandler<PublishedKeysHandler>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleJsonWebKeySetRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var key in keys)
        {
            context.Keys.Add(key.PublicJwk);
        }
        return ValueTask.CompletedTask;
    }
}
