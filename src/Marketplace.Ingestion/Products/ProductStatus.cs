namespace Marketplace.Ingestion.Products;

/// <summary>
/// Where a product stands: submitted, then certifying (quality checks), classifying (grade), in review (a person
/// decides), and finally published or rejected; a provider may withdraw it at any time.
/// </summary>
public enum ProductStatus
{
    Submitted,
    Certifying,
    Classifying,
    InReview,
    Published,
    Rejected,
    Withdrawn,
}
