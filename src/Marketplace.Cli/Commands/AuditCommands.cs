using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marketplace.Cli.Audit;
using Marketplace.Cli.Configuration;
using Marketplace.Cli.Http;
using Marketplace.Platform.Audit.TreeHeads;
using Spectre.Console;

namespace Marketplace.Cli.Commands;

/// <summary><c>marketplace audit verify | monitor | sth</c>: check the tamper-evident audit log from outside.</summary>
internal static class AuditCommands
{
    private static readonly JsonSerializerOptions IndentedJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // base64 '+' stays '+' for people and for jq alike
    };

    public static Command Create(CliContext context, CredentialOptionSet credentials)
    {
        var audit = new Command("audit", "Verify and watch the marketplace's tamper-evident audit log (RFC 9162 Merkle tree, signed tree heads).");
        audit.Add(CreateVerify(context, credentials));
        audit.Add(CreateMonitor(context, credentials));
        audit.Add(CreateSth(context, credentials));
        return audit;
    }

    private static Option<string?> StateOption() => new("--state")
    {
        Description = "File keeping the last verified tree head [default: $XDG_STATE_HOME/marketplace/audit-state.json or ~/.local/state/marketplace/audit-state.json]",
        HelpName = "FILE",
    };

    private static Command CreateVerify(CliContext context, CredentialOptionSet credentials)
    {
        var fromScratch = new Option<bool>("--from-scratch")
        {
            Description = "Read every entry, check it is canonical JSON, and recompute the root of the whole log (needs an auditor's or platform admin's client)",
        };
        var entries = new Option<bool>("--entries")
        {
            Description = "Check an inclusion proof for every entry this client may see (any client)",
        };
        var state = StateOption();
        var verify = new Command("verify",
            "Verify the latest signed tree head: its signature, its consistency with the head verified before and, optionally, the entries. "
            + "Exit code 0: verified (the state file is updated); 2: verification failed; 1: usage or connection error.")
        {
            fromScratch, entries, state,
        };
        verify.SetAction((parseResult, ct) => CommandRunner.RunAsync(context, async ct =>
        {
            var resolved = await credentials.ResolveAsync(parseResult, context, CliCredentials.AuditorDemoClient, ct);
            var options = new AuditVerifyOptions
            {
                FromScratch = parseResult.GetValue(fromScratch),
                CheckVisibleEntries = parseResult.GetValue(entries),
            };
            if ((options.FromScratch || options.CheckVisibleEntries) && resolved.Client is null)
            {
                throw new CliConfigurationException(
                    "--from-scratch and --entries read log entries, which needs a client: pass --client-id and set "
                    + $"{CliCredentials.ClientSecretVariable}, or use a profile or the demo world.");
            }
            var stateFile = new VerifiedStateFile(parseResult.GetValue(state) ?? CliPaths.DefaultStatePath(context.Environment));
            var previous = await stateFile.LoadAsync(ct);
            using var http = context.CreateHttpClient(resolved.BaseUrl);
            var verifier = new AuditVerifier(new MarketplaceApi(http, context.Clock, resolved.Client));
            context.Out.MarkupLine($"[grey]Verifying the audit log of {Markup.Escape(resolved.Source)}[/]");

            var result = await verifier.VerifyAsync(previous, options, ct);
            if (result.TreeHead is { } head)
            {
                context.Out.Write(Summary(head, previous, result));
            }
            if (!result.Ok)
            {
                context.Out.MarkupLine($"[red bold]✗ verification failed[/] ({result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")}):");
                foreach (var problem in result.Problems)
                {
                    context.Out.MarkupLine($"  [red]•[/] {Markup.Escape(problem)}");
                }
                return ExitCodes.VerificationFailed;
            }
            if (result.TreeHead is not { } verified)
            {
                context.Out.MarkupLine("[yellow]The log has no signed tree head yet: nothing to verify.[/]");
                return ExitCodes.Ok;
            }
            await stateFile.SaveAsync(new VerifiedState(verified.TreeSize, verified.RootHash), ct);
            context.Out.MarkupLine($"[green bold]✓ verified[/] tree size {verified.TreeSize}; saved to {Markup.Escape(stateFile.Path)}");
            return ExitCodes.Ok;
        }, ct));
        return verify;
    }

    private static Command CreateMonitor(CliContext context, CredentialOptionSet credentials)
    {
        var interval = new Option<int>("--interval")
        {
            Description = "Seconds between two checks",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 30,
        };
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 86_400)
            {
                result.AddError("--interval must be between 1 and 86400 seconds.");
            }
        });
        var once = new Option<bool>("--once") { Description = "Check once and stop" };
        var state = StateOption();
        var monitor = new Command("monitor",
            "Check the latest signed tree head every interval: signature and consistency with the last verified one. "
            + "Prints one line per new head and an ALERT line (exit code 2) on any failure; stops on Ctrl-C.")
        {
            interval, once, state,
        };
        monitor.SetAction((parseResult, ct) => CommandRunner.RunAsync(context, async ct =>
        {
            var resolved = await credentials.ResolveAsync(parseResult, context, CliCredentials.AuditorDemoClient, ct);
            var stateFile = new VerifiedStateFile(parseResult.GetValue(state) ?? CliPaths.DefaultStatePath(context.Environment));
            var previous = await stateFile.LoadAsync(ct);
            using var http = context.CreateHttpClient(resolved.BaseUrl);
            var verifier = new AuditVerifier(new MarketplaceApi(http, context.Clock, resolved.Client));
            var options = new AuditMonitorOptions { IntervalSeconds = parseResult.GetValue(interval), Once = parseResult.GetValue(once) };
            context.Out.MarkupLine($"[grey]Monitoring the audit log of {Markup.Escape(resolved.Source)} every {options.IntervalSeconds} s[/]");
            var quiet = await new AuditMonitor(verifier, stateFile, context.Clock, context.Out).RunAsync(previous, options, ct);
            return quiet ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        }, ct));
        return monitor;
    }

    private static Command CreateSth(CliContext context, CredentialOptionSet credentials)
    {
        var treeSize = new Option<long?>("--tree-size")
        {
            Description = "Print the head of this size instead of the latest",
            HelpName = "N",
        };
        var sth = new Command("sth", "Print the latest signed tree head as JSON (not verified; use 'audit verify' for that).") { treeSize };
        sth.SetAction((parseResult, ct) => CommandRunner.RunAsync(context, async ct =>
        {
            var resolved = await credentials.ResolveAsync(parseResult, context, CliCredentials.AuditorDemoClient, ct);
            using var http = context.CreateHttpClient(resolved.BaseUrl);
            var api = new MarketplaceApi(http, context.Clock, resolved.Client);
            var size = parseResult.GetValue(treeSize);
            var head = size is { } n ? await api.GetTreeHeadAsync(n, ct) : await api.GetLatestTreeHeadAsync(ct);
            if (head is null)
            {
                throw new CliConfigurationException(size is { } m
                    ? $"The log has no signed tree head of size {m}."
                    : "The log has no signed tree head yet.");
            }
            // Plain text, not Spectre: the JSON must survive pipes unwrapped and unstyled.
            await context.Out.Profile.Out.Writer.WriteLineAsync(JsonSerializer.Serialize(head, IndentedJson).AsMemory(), ct);
            return ExitCodes.Ok;
        }, ct));
        return sth;
    }

    private static Table Summary(SignedTreeHead head, VerifiedState? previous, AuditVerification result)
    {
        var signedAt = DateTimeOffset.FromUnixTimeMilliseconds(head.Timestamp).ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
        table.AddRow("Tree size", head.TreeSize.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Root hash", Markup.Escape(head.RootHash));
        table.AddRow("Signed at", signedAt);
        table.AddRow("Key", Markup.Escape(head.KeyId ?? ""));
        table.AddRow("Verified before", previous is null ? "[grey]nothing (first run: trusting this head from now on)[/]" : $"tree size {previous.TreeSize}");
        table.AddRow("Entries checked", result.EntriesChecked.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Proofs checked", result.ProofsChecked.ToString(CultureInfo.InvariantCulture));
        return table;
    }
}
