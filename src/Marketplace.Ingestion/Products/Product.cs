using System.Text.Json.Nodes;
using Marketplace.Platform.Audit.Recording;

namespace Marketplace.Ingestion.Products;

/// <summary>
/// One version of a provider's product: the STAC item draft and assets it was submitted with, its offers, where it
/// stands in the pipeline, its grade, and, once certified, the signed certification report. A corrected version is a
/// new product that names the version it replaces; earlier versions are kept.
/// </summary>
public sealed class Product
{
    private readonly List<ProductAsset> _assets = [];
    private readonly List<PipelineStep> _steps = [];

    private Product() { }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string CollectionId { get; private set; } = "";

    /// <summary>The STAC item id; every version of a product has the same one.</summary>
    public string ItemId { get; private set; } = "";

    public int Version { get; private set; }

    public Guid? PreviousVersionId { get; private set; }

    /// <summary>The product this one is a releasable derivative of (made by the platform), or null.</summary>
    public Guid? DerivedFromId { get; private set; }

    public ProductStatus Status { get; private set; }

    public string SubmittedByType { get; private set; } = "";

    public string? SubmittedBySubject { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The STAC item draft as submitted (JSON).</summary>
    public string Draft { get; private set; } = "{}";

    /// <summary>The offers as submitted (JSON array).</summary>
    public string Offers { get; private set; } = "[]";

    /// <summary>The item as certified and published (JSON), once the pipeline made it.</summary>
    public string? Item { get; private set; }

    public string? Grade { get; private set; }

    /// <summary>Why the product has its grade (JSON).</summary>
    public string? GradeReasons { get; private set; }

    /// <summary>The grade the classification policy gave (a reviewer may have decided another: <see cref="Grade"/>).</summary>
    public string? PolicyGrade { get; private set; }

    /// <summary>The version of the classification policy that gave <see cref="PolicyGrade"/>.</summary>
    public string? PolicyVersion { get; private set; }

    /// <summary>When the product is graded again because an embargo ends; null when none is in force.</summary>
    public DateTimeOffset? RegradeAt { get; private set; }

    /// <summary>The certification report's canonical JSON (RFC 8785), as signed.</summary>
    public string? CertificationReport { get; private set; }

    /// <summary>The report's compact JWS, whose payload is exactly <see cref="CertificationReport"/>.</summary>
    public string? CertificationJws { get; private set; }

    public string? RejectionReason { get; private set; }

    public IReadOnlyList<ProductAsset> Assets => _assets;

    public IReadOnlyList<PipelineStep> Steps => _steps;

    public static Product Submit(Guid id, Guid organizationId, AuditActor submittedBy, string collectionId, string itemId, int version,
        Guid? previousVersionId, string draft, string offers, IEnumerable<ProductAsset> assets, IEnumerable<string> steps, DateTimeOffset now)
    {
        var product = new Product
        {
            Id = id,
            OrganizationId = organizationId,
            SubmittedByType = submittedBy.Type,
            SubmittedBySubject = submittedBy.Subject,
            CollectionId = collectionId,
            ItemId = itemId,
            Version = version,
            PreviousVersionId = previousVersionId,
            Draft = draft,
            Offers = offers,
            Status = ProductStatus.Submitted,
            SubmittedAt = now,
            UpdatedAt = now,
        };
        product._assets.AddRange(assets);
        product._steps.AddRange(steps.Select((name, i) => PipelineStep.Plan(id, name, i)));
        return product;
    }

    /// <summary>Final: nothing more happens to the product (published products can still be withdrawn).</summary>
    public bool IsFinished => Status is ProductStatus.Rejected or ProductStatus.Withdrawn;

    public PipelineStep Step(string name) => _steps.Single(s => s.Name == name);

    public ProductAsset? Asset(string key) => _assets.SingleOrDefault(a => a.Key == key);

    public void AddAsset(ProductAsset asset) => _assets.Add(asset);

    /// <summary>Marks a new product as the releasable derivative of <paramref name="sourceId"/>, before it is saved.</summary>
    public void DeriveFrom(Guid sourceId) => DerivedFromId = sourceId;

    public void MoveTo(ProductStatus status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
    }

    public void Certify(string item, string report, string jws, DateTimeOffset now)
    {
        Item = item;
        CertificationReport = report;
        CertificationJws = jws;
        UpdatedAt = now;
    }

    public void Reject(string reason, string? report, string? jws, DateTimeOffset now)
    {
        Status = ProductStatus.Rejected;
        RejectionReason = reason;
        CertificationReport = report ?? CertificationReport;
        CertificationJws = jws ?? CertificationJws;
        UpdatedAt = now;
    }

    /// <summary>Records what the policy says: its grade, version, reasons and when to grade again.</summary>
    public void RecordPolicyGrade(string policyGrade, string policyVersion, string reasons, DateTimeOffset? regradeAt, DateTimeOffset now)
    {
        PolicyGrade = policyGrade;
        PolicyVersion = policyVersion;
        GradeReasons = reasons;
        RegradeAt = regradeAt;
        UpdatedAt = now;
    }

    /// <summary>Sets the grade the product is shown and delivered under, on the product and in its certified item.</summary>
    public void ApplyGrade(string grade, DateTimeOffset now)
    {
        Grade = grade;
        if (Item is not null && JsonNode.Parse(Item) is JsonObject item
            && item["properties"] is JsonObject properties)
        {
            properties["marketplace:grade"] = grade;
            Item = item.ToJsonString();
        }
        UpdatedAt = now;
    }

    public void Withdraw(DateTimeOffset now)
    {
        Status = ProductStatus.Withdrawn;
        UpdatedAt = now;
    }
}
