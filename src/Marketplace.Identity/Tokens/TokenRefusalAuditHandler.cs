using Marketplace.Identity.Persistence;
using Marketplace.Platform.Audit.Recording;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server;
using Microsoft.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Marketplace.Identity.Tokens;

/// <summary>
/// Records every refused token request (wrong secret, unknown or revoked client, bad code or verifier) in the audit
/// log, with the client it claimed to be; the organization of that client may read the entry.
/// </summary>
public sealed class TokenRefusalAuditHandler(IServiceScopeFactory scopes, IAuditTrail audit) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<TokenRefusalAuditHandler>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(context.Error))
        {
            return;
        }
        var clientId = context.Request?.ClientId;
        var ct = context.Transaction.GetHttpRequest()?.HttpContext.RequestAborted ?? CancellationToken.None;
        Guid? organization = null;
        if (!string.IsNullOrEmpty(clientId))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            organization = await db.ApiClients.Where(c => c.ClientId == clientId).Select(c => (Guid?)c.OrganizationId).FirstOrDefaultAsync(ct);
        }
        await audit.RecordAsync(new AuditEvent("token.refused", AuditActor.Anonymous(clientId),
            clientId is null ? [] : [$"client:{clientId}"],
            organization is { } id ? [id] : [],
            Decision: "deny",
            Details: new Dictionary<string, string>
            {
                ["error"] = context.Error,
                ["grantType"] = context.Request?.GrantType ?? "",
            }), ct);
    }
}
