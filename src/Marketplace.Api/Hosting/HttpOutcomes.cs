using Marketplace.Platform.Outcomes;
using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Hosting;

/// <summary>Maps use-case outcomes to typed HTTP results: problems carry the stable type of their failure.</summary>
internal static class HttpOutcomes
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToOk<T>(this Outcome<T> outcome) => outcome switch
    {
        Outcome<T>.Ok ok => TypedResults.Ok(ok.Value),
        Outcome<T>.Invalid invalid => Validation(invalid),
        _ => Problem(outcome),
    };

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> ToCreated<T>(this Outcome<T> outcome, Func<T, string> location) => outcome switch
    {
        Outcome<T>.Ok ok => TypedResults.Created(location(ok.Value), ok.Value),
        Outcome<T>.Invalid invalid => Validation(invalid),
        _ => Problem(outcome),
    };

    private static ValidationProblem Validation<T>(Outcome<T>.Invalid invalid) =>
        TypedResults.ValidationProblem(invalid.Errors, detail: "One or more fields are not valid; see 'errors'.",
            type: ProblemTypes.Validation.Uri, title: ProblemTypes.Validation.Title);

    private static ProblemHttpResult Problem<T>(Outcome<T> failure)
    {
        var (type, detail) = failure switch
        {
            Outcome<T>.NotFound f => (ProblemTypes.NotFound, f.Detail),
            Outcome<T>.Forbidden f => (ProblemTypes.Forbidden, f.Detail),
            Outcome<T>.Conflict f => (ProblemTypes.Conflict, f.Detail),
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Not a failure outcome."),
        };
        return TypedResults.Problem(detail: detail, statusCode: type.Status, title: type.Title, type: type.Uri);
    }
}
