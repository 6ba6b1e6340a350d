using System.CommandLine;
using System.Text.Json;
using Marketplace.Cli.Configuration;
using Marketplace.Cli.Http;
using Marketplace.Cli.Reviews;
using Spectre.Console;

namespace Marketplace.Cli.Commands;

/// <summary>
/// <c>marketplace reviews [--state S] [--json]</c>: the compliance review queue; <c>marketplace reviews decide REVIEW_ID
/// (--approve | --reject | --regrade GRADE) --comment TEXT [--json]</c>: a reviewer's decision.
/// </summary>
internal static class ReviewsCommand
{
    private static readonly string[] States = ["open", "approved", "rejected", "superseded", "all"];

    public static Command Create(CliContext context, CredentialOptionSet credentials)
    {
        var state = new Option<string?>("--state") { Description = "Reviews in this state (default: open)", HelpName = "STATE" };
        state.AcceptOnlyFromAmong(States);
        var json = new Option<bool>("--json") { Description = "Print JSON on standard output (messages go to standard error)" };
        var reviews = new Command("reviews",
            "List the compliance review queue, oldest first: review id, item, grade under review, policy version, approvals. "
            + "Needs the reviewer or auditor role. Exit codes: 0 listed; 1 usage, settings, connection or server error.")
        {
            state, json,
        };
        reviews.SetAction((parseResult, ct) => CommandRunner.RunAsync(context, async ct =>
        {
            var output = new CommandOutput(context, parseResult.GetValue(json));
            var resolved = await credentials.ResolveAsync(parseResult, context, CliCredentials.ReviewerDemoClient, ct);
            using var http = context.CreateHttpClient(resolved.BaseUrl);
            var api = new ReviewsApi(new MarketplaceApi(http, context.Clock, resolved.Client));
            var all = new List<(JsonElement Json, ReviewView View)>();
            await foreach (var review in api.ListAsync(parseResult.GetValue(state), ct))
            {
                all.Add(review);
            }
            if (output.Json)
            {
                using var array = JsonDocument.Parse(JsonSerializer.Serialize(all.Select(r => r.Json)));
                await output.WriteJsonAsync(array.RootElement, ct);
                return ExitCodes.Ok;
            }
            if (all.Count == 0)
            {
                output.Messages.MarkupLine("[grey]No reviews.[/]");
                return ExitCodes.Ok;
            }
            output.Messages.Write(ReviewPrinter.List(all.Select(r => r.View)));
            output.Messages.MarkupLine($"[grey]{all.Count} review{(all.Count == 1 ? "" : "s")}[/]");
            return ExitCodes.Ok;
        }, ct));
        reviews.Add(Decide(context, credentials));
        return reviews;
    }

    private static Command Decide(CliContext context, CredentialOptionSet credentials)
    {
        var reviewId = new Argument<Guid>("REVIEW_ID") { Description = "The review's id, as reviews prints it" };
        var approve = new Option<bool>("--approve") { Description = "Approve the grade under review" };
        var reject = new Option<bool>("--reject") { Description = "Reject the product" };
        var regrade = new Option<string?>("--regrade") { Description = "Set another grade (which approves it)", HelpName = "GRADE" };
        var comment = new Option<string>("--comment") { Description = "Why: recorded with the decision in the audit log", Required = true, HelpName = "TEXT" };
        var json = new Option<bool>("--json") { Description = "Print the review as JSON on standard output" };
        var decide = new Command("decide",
            "Decide a review (reviewer role): approve, reject or regrade, with a mandatory comment. Grades from the policy's fourEyesFrom "
            + "need two different reviewers. Exit codes: 0 recorded; 1 usage, settings, connection or server error (e.g. 409 when already decided).")
        {
            reviewId, approve, reject, regrade, comment, json,
        };
        decide.Validators.Add(result =>
        {
            var chosen = (result.GetValue(approve) ? 1 : 0) + (result.GetValue(reject) ? 1 : 0) + (result.GetValue(regrade) is null ? 0 : 1);
            if (chosen != 1)
            {
                result.AddError("Give exactly one of --approve, --reject or --regrade GRADE.");
            }
        });
        decide.SetAction((parseResult, ct) => CommandRunner.RunAsync(context, async ct =>
        {
            var output = new CommandOutput(context, parseResult.GetValue(json));
            var resolved = await credentials.ResolveAsync(parseResult, context, CliCredentials.ReviewerDemoClient, ct);
            using var http = context.CreateHttpClient(resolved.BaseUrl);
            var api = new ReviewsApi(new MarketplaceApi(http, context.Clock, resolved.Client));
            var grade = parseResult.GetValue(regrade);
            var decision = grade is not null ? "regrade" : parseResult.GetValue(approve) ? "approve" : "reject";
            var (document, view) = await api.DecideAsync(parseResult.GetValue(reviewId), decision, grade, parseResult.GetValue(comment)!, ct);
            if (output.Json)
            {
                await output.WriteJsonAsync(document, ct);
            }
            else
            {
                ReviewPrinter.Decided(output.Messages, view);
            }
            return ExitCodes.Ok;
        }, ct));
        return decide;
    }
}
