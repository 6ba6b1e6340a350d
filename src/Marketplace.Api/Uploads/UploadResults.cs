using Marketplace.Ingestion.Uploads;
using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Uploads;

/// <summary>Maps upload outcomes to typed HTTP results: refusals become problems of their stable type, with their facts as extension members.</summary>
internal static class UploadResults
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToOk<T>(this UploadOutcome<T> outcome) => outcome switch
    {
        UploadOutcome<T>.Ok ok => TypedResults.Ok(ok.Value),
        UploadOutcome<T>.Invalid invalid => Validation(invalid),
        UploadOutcome<T>.Refused refused => Problem(refused),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> ToCreated<T>(this UploadOutcome<T> outcome, Func<T, string> location) => outcome switch
    {
        UploadOutcome<T>.Ok ok => TypedResults.Created(location(ok.Value), ok.Value),
        UploadOutcome<T>.Invalid invalid => Validation(invalid),
        UploadOutcome<T>.Refused refused => Problem(refused),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    public static Results<NoContent, ValidationProblem, ProblemHttpResult> ToNoContent<T>(this UploadOutcome<T> outcome) => outcome switch
    {
        UploadOutcome<T>.Ok => TypedResults.NoContent(),
        UploadOutcome<T>.Invalid invalid => Validation(invalid),
        UploadOutcome<T>.Refused refused => Problem(refused),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    public static ProblemHttpResult Problem(ProblemType type, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: type.Status, title: type.Title, type: type.Uri);

    private static ValidationProblem Validation<T>(UploadOutcome<T>.Invalid invalid) =>
        TypedResults.ValidationProblem(invalid.Errors, detail: "One or more fields are not valid; see 'errors'.",
            type: ProblemTypes.Validation.Uri, title: ProblemTypes.Validation.Title);

    private static ProblemHttpResult Problem<T>(UploadOutcome<T>.Refused refused) =>
        TypedResults.Problem(detail: refused.Detail, statusCode: refused.Type.Status, title: refused.Type.Title, type: refused.Type.Uri,
            extensions: refused.Extensions?.ToDictionary());
}
