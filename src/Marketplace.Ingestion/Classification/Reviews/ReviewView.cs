using System.Text.Json.Nodes;
using Marketplace.Ingestion.Products;

namespace Marketplace.Ingestion.Classification.Reviews;

/// <summary>A review as reviewers see it: the grade under review and why, the product's certified item, and every decision.</summary>
public sealed record ReviewView(
    Guid Id, Guid Product, string Collection, string ItemId, string State, string Grade, string PolicyGrade, string PolicyVersion,
    JsonNode? Reasons, int ApprovalsRequired, int Approvals, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, string? ClosedBecause,
    IReadOnlyList<ReviewDecisionView> Decisions, JsonNode? Item, IReadOnlyList<ProductLink> Links)
{
    public static ReviewView From(Review review, Product? product)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new ReviewView(review.Id, review.ProductId, review.CollectionId, review.ItemId, review.State.ToString().ToLowerInvariant(),
            review.Grade, review.PolicyGrade, review.PolicyVersion, JsonNode.Parse(review.Reasons), review.ApprovalsRequired,
            review.Approvals, review.OpenedAt, review.ClosedAt, review.ClosedBecause,
            [.. review.Decisions.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).Select(d => new ReviewDecisionView(
                d.ReviewerType + ":" + d.ReviewerSubject, d.Kind.ToString().ToLowerInvariant(), d.Grade, d.Comment, d.DecidedAt))],
            product?.Item is { } item ? JsonNode.Parse(item) : null,
            [
                new ProductLink("self", $"/reviews/{review.Id}"),
                new ProductLink("decision", $"/reviews/{review.Id}/decision"),
                new ProductLink("certification", $"/products/{review.ProductId}/certification"),
            ]);
    }
}

public sealed record ReviewDecisionView(string Reviewer, string Decision, string Grade, string Comment, DateTimeOffset DecidedAt);

/// <summary>A page of reviews, oldest first, and the link to the next page.</summary>
public sealed record ReviewList(IReadOnlyList<ReviewView> Reviews, string? Next);
