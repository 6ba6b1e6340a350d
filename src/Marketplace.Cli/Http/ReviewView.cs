using System.Text.Json;

namespace Marketplace.Cli.Http;

/// <summary>
/// A compliance review as reviewers see it (<c>GET /reviews/{id}</c>): the grade under review, the approvals it needs
/// and has, and every decision. The policy's reasons and the certified item stay in the JSON (<c>--json</c>).
/// </summary>
internal sealed record ReviewView(
    Guid Id,
    Guid Product,
    string Collection,
    string ItemId,
    string State,
    string Grade,
    string PolicyGrade,
    string PolicyVersion,
    int ApprovalsRequired,
    int Approvals,
    DateTimeOffset OpenedAt,
    JsonElement? Reasons,
    IReadOnlyList<ReviewDecisionView>? Decisions);

internal sealed record ReviewDecisionView(string Reviewer, string Decision, string Grade, string Comment, DateTimeOffset DecidedAt);

/// <summary>A page of <c>GET /reviews</c>.</summary>
internal sealed record ReviewPage(IReadOnlyList<JsonElement>? Reviews, string? Next);
