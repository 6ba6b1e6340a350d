using System.CommandLine;
using System.Security.Cryptography;
using Marketplace.Cli.Certification;
using Spectre.Console;

namespace Marketplace.Cli.Commands;

/// <summary><c>marketplace certification verify REPORT.jws --jwks JWKS.json [--file F]...</c>: check a certification report offline.</summary>
internal static class CertificationCommands
{
    public static Command Create(CliContext context)
    {
        var certification = new Command("certification", "Work with the signed certification reports of products.");
        var report = new Argument<FileInfo>("report") { Description = "The report as a compact JWS (GET /products/{id}/certification.jws)" };
        var jwks = new Option<FileInfo>("--jwks") { Description = "The marketplace's JSON Web Key Set (GET /.well-known/jwks), saved beforehand", Required = true, HelpName = "FILE" };
        var files = new Option<FileInfo[]>("--file") { Description = "A file you received: its SHA-256 must be that of one of the report's assets", HelpName = "FILE", AllowMultipleArgumentsPerToken = true };
        var verify = new Command("verify",
            "Verify a certification report offline: its ES256 signature with the key of its kid, and optionally the SHA-256 of files you received. "
            + "Prints the report. Exit code 0: verified; 2: not verified; 1: usage or file error.")
        {
            report, jwks, files,
        };
        verify.SetAction((parseResult, ct) => CommandRunner.RunAsync(context, async ct =>
        {
            var jws = await File.ReadAllTextAsync(parseResult.GetValue(report)!.FullName, ct);
            var keys = await File.ReadAllTextAsync(parseResult.GetValue(jwks)!.FullName, ct);
            var result = CertificationReportVerifier.Verify(jws, keys);
            if (!result.Valid || result.Report is not { } document)
            {
                context.Error.MarkupLine($"[red]Not verified:[/] {Markup.Escape(result.Problem ?? "unknown reason")}");
                return ExitCodes.VerificationFailed;
            }
            // The report as it was signed, unwrapped (the console would break long lines).
            await context.Out.Profile.Out.Writer.WriteLineAsync(document.GetRawText().AsMemory(), ct);
            var verified = true;
            foreach (var file in parseResult.GetValue(files) ?? [])
            {
                await using var stream = file.OpenRead();
                var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
                var assets = CertificationReportVerifier.AssetsWithDigest(document, sha256);
                if (assets.Count == 0)
                {
                    context.Error.MarkupLine($"[red]✗[/] {Markup.Escape(file.Name)}: SHA-256 {sha256} is not in the report");
                    verified = false;
                }
                else
                {
                    context.Error.MarkupLine($"[green]✓[/] {Markup.Escape(file.Name)} is asset {Markup.Escape(string.Join(", ", assets))} of the report");
                }
            }
            var product = document.GetProperty("product");
            context.Error.MarkupLine($"[green]✓[/] Signed by {Markup.Escape(result.KeyId ?? "")}: product {Markup.Escape(product.GetProperty("id").GetString() ?? "")} "
                + $"version {product.GetProperty("version")}, result {Markup.Escape(document.GetProperty("result").GetString() ?? "")}");
            return verified ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        }, ct));
        certification.Add(verify);
        return certification;
    }
}
