namespace Marketplace.Cli.Http;

/// <summary>
/// A product as its provider sees it (<c>GET /products/{id}</c>): where it stands (<c>submitted</c>,
/// <c>certifying</c>, <c>classifying</c>, <c>in-review</c>, <c>published</c>, <c>rejected</c>, <c>withdrawn</c>),
/// its grade once classified, and every pipeline step. Members the CLI does not show are kept in
/// <see cref="ProductDocument.Json"/>.
/// </summary>
internal sealed record ProductView(
    Guid Id,
    string Collection,
    string ItemId,
    int Version,
    string Status,
    string? Grade,
    string? RejectionReason,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PipelineStepView>? Steps,
    IReadOnlyList<ProductLink>? Links);
