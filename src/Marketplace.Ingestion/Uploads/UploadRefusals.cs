using Marketplace.Platform.Outcomes;
using Marketplace.Platform.Problems;

namespace Marketplace.Ingestion.Uploads;

/// <summary>The refusals several upload use cases share.</summary>
public static class UploadRefusals
{
    public static UploadOutcome<T> Invalid<T>(FieldErrors errors) =>
        new UploadOutcome<T>.Invalid(((Outcome<T>.Invalid)errors.ToOutcome<T>()).Errors);

    /// <summary>The upload does not exist or belongs to another organization: the same answer, so its existence does not leak.</summary>
    public static UploadOutcome<T> NotFound<T>(Guid uploadId) =>
        new UploadOutcome<T>.Refused(ProblemTypes.NotFound, $"Upload '{uploadId}' was not found.");

    public static UploadOutcome<T> NotOpen<T>(Upload upload, DateTimeOffset now)
    {
        var status = UploadViews.StatusName(upload.StatusAt(now));
        return new UploadOutcome<T>.Refused(ProblemTypes.UploadNotOpen, $"Upload '{upload.Id}' is {status}.",
            new Dictionary<string, object?> { ["uploadStatus"] = status });
    }
}
