namespace Marketplace.Ingestion.Classification.Reviews;

/// <summary>One reviewer's decision on a review, with the grade it leaves and the reviewer's comment.</summary>
public sealed class ReviewDecision
{
    private ReviewDecision() { }

    public Guid Id { get; private set; }

    public Guid ReviewId { get; private set; }

    public string ReviewerSubject { get; private set; } = "";

    public string ReviewerType { get; private set; } = "";

    public Guid ReviewerOrganizationId { get; private set; }

    public ReviewDecisionKind Kind { get; private set; }

    /// <summary>The grade after the decision (for a rejection: the grade that was under review).</summary>
    public string Grade { get; private set; } = "";

    public string Comment { get; private set; } = "";

    public DateTimeOffset DecidedAt { get; private set; }

    public static ReviewDecision Make(Guid reviewId, string subject, string type, Guid organizationId, ReviewDecisionKind kind,
        string grade, string comment, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            ReviewId = reviewId,
            ReviewerSubject = subject,
            ReviewerType = type,
            ReviewerOrganizationId = organizationId,
            Kind = kind,
            Grade = grade,
            Comment = comment,
            DecidedAt = now,
        };
}
