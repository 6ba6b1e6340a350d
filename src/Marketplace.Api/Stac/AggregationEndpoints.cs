using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Marketplace.Catalog.Aggregation;
using Marketplace.Catalog.Collections;
using Marketplace.Catalog.Search;
using Marketplace.Catalog.Stac;
using Marketplace.Catalog.Visibility;
using Marketplace.Identity.Callers;
using Marketplace.Platform.Grading;
using Marketplace.Platform.Outcomes;
using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Api.Stac;

/// <summary>
/// The STAC API Aggregation extension (v0.3.0): <c>/aggregate</c> (GET and POST) takes the filters of item search
/// and answers an AggregationCollection; <c>/aggregations</c> lists what can be requested; both also per collection.
/// Aggregations run with the caller's visibility inside the query, so hidden items are never counted.
/// </summary>
internal static class AggregationEndpoints
{
    public static IEndpointRouteBuilder MapAggregationEndpoints(this IEndpointRouteBuilder app)
    {
        var stac = app.MapGroup("").WithTags("STAC").AllowAnonymous();
        stac.MapGet("/aggregate", AggregateGet).WithName(nameof(AggregateGet)).WithSummary("Aggregate the items an item search matches (query parameters).");
        stac.MapPost("/aggregate", AggregatePost).WithName(nameof(AggregatePost)).WithSummary("Aggregate the items an item search matches (JSON body).");
        stac.MapGet("/aggregations", GetAggregations).WithName(nameof(GetAggregations)).WithSummary("Aggregations that /aggregate can compute.");
        stac.MapGet("/collections/{collectionId}/aggregate", AggregateCollectionGet).WithName(nameof(AggregateCollectionGet));
        stac.MapPost("/collections/{collectionId}/aggregate", AggregateCollectionPost).WithName(nameof(AggregateCollectionPost));
        stac.MapGet("/collections/{collectionId}/aggregations", GetCollectionAggregations).WithName(nameof(GetCollectionAggregations));
        return app;
    }

    public static Task<IResult> AggregateGet(HttpContext http, AggregateItems aggregate, GradeScale grades, ClaimsPrincipal user, CancellationToken ct,
        string? collections = null, string? ids = null, string? bbox = null, string? datetime = null, string? filter = null,
        [FromQuery(Name = "filter-lang")] string? filterLang = null, string? aggregations = null,
        [FromQuery(Name = AggregationCatalog.IntervalParameter)] string? interval = null,
        [FromQuery(Name = AggregationCatalog.GeohashPrecisionParameter)] string? geohashPrecision = null,
        [FromQuery(Name = AggregationCatalog.GeotilePrecisionParameter)] string? geotilePrecision = null)
    {
        var search = new SearchParameters.Raw(SearchParameters.SplitList(collections), SearchParameters.SplitList(ids), null, bbox, null, datetime, null, null, null,
            Filter: Text(filter), FilterLang: filterLang);
        var raw = new AggregationParameters.Raw(Text(aggregations), interval, Text(geohashPrecision), Text(geotilePrecision));
        return RunAsync(search, raw, http, aggregate, Viewer(user, grades), "", "GET", ct);
    }

    public static Task<IResult> AggregatePost([FromBody] AggregateBody body, HttpContext http, AggregateItems aggregate, GradeScale grades, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(body.Search(body.Collections), body.Aggregation(), http, aggregate, Viewer(user, grades), "", "POST", ct);

    public static async Task<IResult> AggregateCollectionGet(string collectionId, HttpContext http, ListCollections list, AggregateItems aggregate, GradeScale grades,
        ClaimsPrincipal user, CancellationToken ct, string? ids = null, string? bbox = null, string? datetime = null, string? filter = null,
        [FromQuery(Name = "filter-lang")] string? filterLang = null, string? aggregations = null,
        [FromQuery(Name = AggregationCatalog.IntervalParameter)] string? interval = null,
        [FromQuery(Name = AggregationCatalog.GeohashPrecisionParameter)] string? geohashPrecision = null,
        [FromQuery(Name = AggregationCatalog.GeotilePrecisionParameter)] string? geotilePrecision = null)
    {
        var viewer = Viewer(user, grades);
        if ((await list.HandleAsync(viewer, collectionId, ct)).Count == 0)
        {
            return CollectionNotFound(collectionId);
        }
        var search = new SearchParameters.Raw([collectionId], SearchParameters.SplitList(ids), null, bbox, null, datetime, null, null, null,
            Filter: Text(filter), FilterLang: filterLang);
        var raw = new AggregationParameters.Raw(Text(aggregations), interval, Text(geohashPrecision), Text(geotilePrecision));
        return await RunAsync(search, raw, http, aggregate, viewer, CollectionPath(collectionId), "GET", ct);
    }

    public static async Task<IResult> AggregateCollectionPost(string collectionId, [FromBody] AggregateBody body, HttpContext http, ListCollections list,
        AggregateItems aggregate, GradeScale grades, ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = Viewer(user, grades);
        if ((await list.HandleAsync(viewer, collectionId, ct)).Count == 0)
        {
            return CollectionNotFound(collectionId);
        }
        return await RunAsync(body.Search([collectionId]), body.Aggregation(), http, aggregate, viewer, CollectionPath(collectionId), "POST", ct);
    }

    public static IResult GetAggregations(HttpContext http) => Results.Json(Available(Root(http), ""));

    public static async Task<IResult> GetCollectionAggregations(string collectionId, HttpContext http, ListCollections list, GradeScale grades, ClaimsPrincipal user, CancellationToken ct) =>
        (await list.HandleAsync(Viewer(user, grades), collectionId, ct)).Count == 0
            ? CollectionNotFound(collectionId)
            : Results.Json(Available(Root(http), CollectionPath(collectionId)));

    private static async Task<IResult> RunAsync(SearchParameters.Raw search, AggregationParameters.Raw raw, HttpContext http, AggregateItems aggregate,
        CatalogViewer viewer, string basePath, string method, CancellationToken ct)
    {
        var parsed = AggregationParameters.Parse(search, raw, out var tooLarge);
        if (parsed is Outcome<AggregationParameters.Parsed>.Invalid invalid)
        {
            return tooLarge
                ? Results.Problem(detail: string.Join(" ", invalid.Errors.SelectMany(e => e.Value)), statusCode: 413,
                    title: ProblemTypes.PayloadTooLarge.Title, type: ProblemTypes.PayloadTooLarge.Uri)
                : Invalid(invalid.Errors);
        }
        var (itemSearch, request) = ((Outcome<AggregationParameters.Parsed>.Ok)parsed).Value;
        var outcome = await aggregate.HandleAsync(itemSearch, viewer, request, ct);
        if (outcome is Outcome<IReadOnlyList<AggregationResult>>.Invalid badFilter)
        {
            return Invalid(badFilter.Errors);
        }
        var results = ((Outcome<IReadOnlyList<AggregationResult>>.Ok)outcome).Value;
        var root = Root(http);
        var self = method == "GET"
            ? StacDocuments.Link("self", root + basePath + "/aggregate" + http.Request.QueryString, StacDocuments.Json)
            : StacDocuments.Link("self", root + basePath + "/aggregate", StacDocuments.Json, method: "POST");
        var links = new JsonArray(self, StacDocuments.Link("root", root + "/", StacDocuments.Json));
        if (basePath.Length > 0)
        {
            links.Add(StacDocuments.Link("collection", root + basePath, StacDocuments.Json));
        }
        return Results.Json(new JsonObject
        {
            ["type"] = "AggregationCollection",
            ["aggregations"] = new JsonArray(results.Select(r => (JsonNode)Render(r)).ToArray()),
            ["links"] = links,
        });
    }

    /// <summary>An Aggregation object (STAC API Aggregation extension, "Aggregation fields" and "Bucket fields").</summary>
    private static JsonObject Render(AggregationResult result) => result switch
    {
        AggregationResult.Count count => new JsonObject { ["name"] = count.Name, ["data_type"] = AggregationDefinition.IntegerType, ["value"] = count.Value },
        AggregationResult.Instant instant => new JsonObject
        {
            ["name"] = instant.Name,
            ["data_type"] = AggregationDefinition.DatetimeType,
            ["value"] = instant.Value is { } value ? AggregateItems.Rfc3339(value) : null,
        },
        AggregationResult.Frequency frequency => new JsonObject
        {
            ["name"] = frequency.Name,
            ["data_type"] = AggregationDefinition.FrequencyDistributionType,
            ["overflow"] = frequency.Overflow,
            ["buckets"] = new JsonArray(frequency.Buckets.Select(b => (JsonNode)Bucket(b, frequency.KeyDataType)).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Not an aggregation result."),
    };

    private static JsonObject Bucket(AggregationBucket bucket, string dataType)
    {
        var node = new JsonObject { ["key"] = bucket.Key, ["data_type"] = dataType, ["frequency"] = bucket.Frequency };
        if (bucket.From is { } from)
        {
            node["from"] = from;
        }
        if (bucket.To is { } to)
        {
            node["to"] = to;
        }
        return node;
    }

    /// <summary>The <c>/aggregations</c> document: each aggregation's name and data types, and links.</summary>
    private static JsonObject Available(string root, string basePath)
    {
        var links = new JsonArray(
            StacDocuments.Link("root", root + "/", StacDocuments.Json),
            StacDocuments.Link("self", root + basePath + "/aggregations", StacDocuments.Json));
        if (basePath.Length > 0)
        {
            links.Add(StacDocuments.Link("collection", root + basePath, StacDocuments.Json));
        }
        foreach (var link in AggregationCatalog.Links(root + basePath).Where(l => (string?)l["rel"] == "aggregate"))
        {
            links.Add(link);
        }
        return new JsonObject
        {
            ["aggregations"] = new JsonArray(AggregationCatalog.All.Select(a =>
            {
                var node = new JsonObject { ["name"] = a.Name, ["data_type"] = a.DataType };
                if (a.FrequencyDistributionDataType is { } keys)
                {
                    node["frequency_distribution_data_type"] = keys;
                }
                return (JsonNode)node;
            }).ToArray()),
            ["links"] = links,
        };
    }

    private static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, detail: "One or more parameters are not valid; see 'errors'.",
            type: ProblemTypes.Validation.Uri, title: ProblemTypes.Validation.Title);

    private static JsonValue? Text(string? value) => value is null ? null : JsonValue.Create(value);

    private static CatalogViewer Viewer(ClaimsPrincipal user, GradeScale grades) =>
        CatalogViewer.For(Caller.From(user)?.Clearance, grades);

    private static string Root(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static string CollectionPath(string collectionId) => "/collections/" + Uri.EscapeDataString(collectionId);

    private static IResult CollectionNotFound(string collectionId) =>
        Results.Problem(detail: $"Collection '{collectionId}' was not found.", statusCode: 404, title: ProblemTypes.NotFound.Title, type: ProblemTypes.NotFound.Uri);
}

/// <summary>The JSON body of POST /aggregate: the item-search filters and the aggregation parameters.</summary>
public sealed record AggregateBody(
    IReadOnlyList<string>? Collections, IReadOnlyList<string>? Ids, IReadOnlyList<double>? Bbox, JsonNode? Intersects,
    string? Datetime, JsonNode? Filter,
    [property: JsonPropertyName("filter-lang")] string? FilterLang,
    JsonNode? Aggregations,
    [property: JsonPropertyName(AggregationCatalog.IntervalParameter)] string? DatetimeFrequencyInterval,
    [property: JsonPropertyName(AggregationCatalog.GeohashPrecisionParameter)] JsonNode? GridGeohashFrequencyPrecision,
    [property: JsonPropertyName(AggregationCatalog.GeotilePrecisionParameter)] JsonNode? GridGeotileFrequencyPrecision)
{
    internal SearchParameters.Raw Search(IReadOnlyList<string>? collections) =>
        new(collections, Ids, Bbox, null, Intersects, Datetime, null, null, null, Filter: Filter, FilterLang: FilterLang);

    internal AggregationParameters.Raw Aggregation() =>
        new(Aggregations, DatetimeFrequencyInterval, GridGeohashFrequencyPrecision, GridGeotileFrequencyPrecision);
}
