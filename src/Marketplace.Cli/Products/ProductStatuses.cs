using Marketplace.Cli.Commands;

namespace Marketplace.Cli.Products;

/// <summary>
/// The product statuses a command may stop at: <c>published</c> and <c>in-review</c> (a person decides next) end
/// well; <c>rejected</c> and <c>withdrawn</c> end with their own exit codes.
/// </summary>
internal static class ProductStatuses
{
    public const string Published = "published";
    public const string InReview = "in-review";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    /// <summary>The statuses <c>GET /products?status=</c> accepts.</summary>
    public static readonly IReadOnlyList<string> All = ["submitted", "certifying", "classifying", InReview, Published, Rejected, Withdrawn];

    /// <summary>Does the pipeline leave the product there for now (following it can stop)?</summary>
    public static bool IsSettled(string status) => status is Published or InReview or Rejected or Withdrawn;

    public static int ExitCode(string status) => status switch
    {
        Rejected => ExitCodes.Rejected,
        Withdrawn => ExitCodes.Withdrawn,
        _ => ExitCodes.Ok,
    };
}
