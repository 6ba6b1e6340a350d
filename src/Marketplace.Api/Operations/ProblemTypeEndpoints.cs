using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Operations;

/// <summary>Serves the description of every problem type, so each problem's <c>type</c> URI can be dereferenced.</summary>
internal static class ProblemTypeEndpoints
{
    public static IEndpointRouteBuilder MapProblemTypeEndpoints(this IEndpointRouteBuilder app)
    {
        var problems = app.MapGroup("/problems").WithTags("Errors").AllowAnonymous();
        problems.MapGet("/", ListProblemTypes).WithName(nameof(ListProblemTypes))
            .WithSummary("Every problem type the API answers with.");
        problems.MapGet("/{slug}", GetProblemType).WithName(nameof(GetProblemType))
            .WithSummary("One problem type: its status, title and meaning.");
        return app;
    }

    public static Ok<IReadOnlyList<ProblemTypeView>> ListProblemTypes() =>
        TypedResults.Ok<IReadOnlyList<ProblemTypeView>>(ProblemTypes.All.Select(ProblemTypeView.From).ToList());

    public static Results<Ok<ProblemTypeView>, ProblemHttpResult> GetProblemType(string slug) =>
        ProblemTypes.Find(slug) is { } type
            ? TypedResults.Ok(ProblemTypeView.From(type))
            : TypedResults.Problem(statusCode: 404, detail: $"There is no problem type '{slug}'.");
}

public sealed record ProblemTypeView(string Type, int Status, string Title, string Description)
{
    public static ProblemTypeView From(ProblemType type) => new(type.Uri, type.Status, type.Title, type.Description);
}
