namespace Marketplace.Ingestion.Classification.Reviews;

/// <summary>
/// A compliance review of a product's grade: opened when the policy's grade needs a person (or when a re-grade of a
/// published product does), closed when enough different reviewers approved the grade, one rejected the product, or a
/// later policy grade made the review unnecessary. Every decision is kept, with its mandatory comment.
/// </summary>
public sealed class Review
{
    private readonly List<ReviewDecision> _decisions = [];

    private Review() { }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    /// <summary>The providing organization.</summary>
    public Guid OrganizationId { get; private set; }

    public string CollectionId { get; private set; } = "";

    public string ItemId { get; private set; } = "";

    /// <summary>The grade under review: the policy's, or the one a reviewer regraded it to.</summary>
    public string Grade { get; private set; } = "";

    /// <summary>The grade the policy gave, with <see cref="PolicyVersion"/> and its reasons (JSON).</summary>
    public string PolicyGrade { get; private set; } = "";

    public string PolicyVersion { get; private set; } = "";

    public string Reasons { get; private set; } = "[]";

    /// <summary>How many different reviewers must approve <see cref="Grade"/> (two: four eyes).</summary>
    public int ApprovalsRequired { get; private set; }

    public ReviewState State { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Why the review closed without a decision (e.g. a later policy grade needs no review), or null.</summary>
    public string? ClosedBecause { get; private set; }

    public IReadOnlyList<ReviewDecision> Decisions => _decisions;

    public static Review Open(Guid id, Guid productId, Guid organizationId, string collectionId, string itemId, string grade,
        string policyVersion, string reasons, int approvalsRequired, DateTimeOffset now) => new()
        {
            Id = id,
            ProductId = productId,
            OrganizationId = organizationId,
            CollectionId = collectionId,
            ItemId = itemId,
            Grade = grade,
            PolicyGrade = grade,
            PolicyVersion = policyVersion,
            Reasons = reasons,
            ApprovalsRequired = approvalsRequired,
            State = ReviewState.Open,
            OpenedAt = now,
            GradeSetAt = now,
        };

    /// <summary>Approvals of the grade now under review, by different reviewers.</summary>
    public int Approvals => _decisions.Where(d => d.Grade == Grade && d.Kind is ReviewDecisionKind.Approve or ReviewDecisionKind.Regrade
        && d.DecidedAt >= GradeSetAt).Select(d => d.ReviewerSubject).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Only decisions from this time on count towards <see cref="Approvals"/>: the grade under review was set then.</summary>
    public DateTimeOffset GradeSetAt { get; private set; }

    public bool HasApproved(string reviewerSubject) => _decisions.Any(d => d.ReviewerSubject == reviewerSubject
        && d.Grade == Grade && d.DecidedAt >= GradeSetAt && d.Kind is ReviewDecisionKind.Approve or ReviewDecisionKind.Regrade);

    /// <summary>Records a decision; closes the review when it rejects or brings the approvals to what is required.</summary>
    public void Decide(ReviewDecision decision, int approvalsRequired)
    {
        ArgumentNullException.ThrowIfNull(decision);
        _decisions.Add(decision);
        if (decision.Kind == ReviewDecisionKind.Regrade)
        {
            Grade = decision.Grade;
            GradeSetAt = decision.DecidedAt;
            ApprovalsRequired = approvalsRequired;
        }
        if (decision.Kind == ReviewDecisionKind.Reject)
        {
            Close(ReviewState.Rejected, decision.DecidedAt, null);
        }
        else if (Approvals >= ApprovalsRequired)
        {
            Close(ReviewState.Approved, decision.DecidedAt, null);
        }
    }

    /// <summary>A new policy grade for the product while the review is open: the review starts again on it.</summary>
    public void Restart(string policyGrade, string policyVersion, string reasons, int approvalsRequired, DateTimeOffset now)
    {
        Grade = policyGrade;
        PolicyGrade = policyGrade;
        PolicyVersion = policyVersion;
        Reasons = reasons;
        ApprovalsRequired = approvalsRequired;
        GradeSetAt = now;
    }

    public void Close(ReviewState state, DateTimeOffset now, string? because)
    {
        State = state;
        ClosedAt = now;
        ClosedBecause = because;
    }
}
