using System.Net;
using System.Security.Claims;
using Marketplace.Api.Hosting;
using Marketplace.Identity.Callers;
using Marketplace.Identity.Members;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Api.Identity;

/// <summary>The members' sign-in page, used by the authorization endpoint (authorization code flow).</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").WithTags("Identity").AllowAnonymous().ExcludeFromDescription();
        account.MapGet("/login", ShowSignIn).WithName(nameof(ShowSignIn));
        account.MapPost("/login", SignIn).WithName(nameof(SignIn));
        account.MapPost("/logout", (Delegate)SignOut).WithName(nameof(SignOut));
        return app;
    }

    public static IResult ShowSignIn(HttpContext http, IAntiforgery antiforgery, [FromQuery(Name = "ReturnUrl")] string? returnUrl) =>
        Page(http, antiforgery, returnUrl, error: null);

    public static async Task<IResult> SignIn(HttpContext http, IAntiforgery antiforgery, CheckMemberPassword check,
        [FromForm] SignInForm form, CancellationToken ct)
    {
        var memberId = form.Email is { Length: > 0 } && form.Password is { Length: > 0 }
            ? await check.HandleAsync(form.Email, form.Password, ct)
            : null;
        if (memberId is null)
        {
            return Page(http, antiforgery, form.ReturnUrl, "The e-mail address or password is not correct.", StatusCodes.Status401Unauthorized);
        }
        var identity = new ClaimsIdentity([new Claim(ClaimNames.Subject, memberId.Value.ToString())], AuthenticationSetup.SessionScheme);
        await http.SignInAsync(AuthenticationSetup.SessionScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/");
    }

    public static async Task<IResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(AuthenticationSetup.SessionScheme);
        return Results.LocalRedirect("/");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var message = error is null ? "" : $"<p role=\"alert\" class=\"error\">{WebUtility.HtmlEncode(error)}</p>";
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in · Satellite Data Marketplace</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}label{display:block;margin:.8rem 0 .2rem}
            input{width:100%;padding:.5rem;box-sizing:border-box}button{margin-top:1rem;padding:.5rem 1.5rem}.error{color:#b00020}</style></head>
            <body><h1>Sign in</h1>{{message}}
            <form method="post" action="/account/login">
            <input type="hidden" name="{{tokens.FormFieldName}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? "")}}">
            <label for="email">E-mail</label><input id="email" name="email" type="email" autocomplete="username" required>
            <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button></form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}

public sealed record SignInForm(string? Email, string? Password, string? ReturnUrl);
