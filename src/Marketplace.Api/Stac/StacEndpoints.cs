using System.Security.Claims;
using System.Text.Json.Nodes;
using Marketplace.Api.Hosting;
using Marketplace.Catalog.Aggregation;
using Marketplace.Catalog.Collections;
using Marketplace.Catalog.Queryables;
using Marketplace.Catalog.Search;
using Marketplace.Catalog.Stac;
using Marketplace.Catalog.Visibility;
using Marketplace.Identity;
using Marketplace.Identity.Callers;
using Marketplace.Platform.Grading;
using Marketplace.Platform.Outcomes;
using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Api.Stac;

/// <summary>
/// The STAC API 1.0.0 at the root (also OGC API - Features): landing page, conformance, collections, items, item
/// search (GET and POST). Every query carries the caller's visibility; anonymous callers see public items only.
/// </summary>
internal static class StacEndpoints
{
    public static IEndpointRouteBuilder MapStacEndpoints(this IEndpointRouteBuilder app)
    {
        var stac = app.MapGroup("").WithTags("STAC").AllowAnonymous();
        stac.MapGet("/", GetLandingPage).WithName(nameof(GetLandingPage)).WithSummary("STAC landing page.");
        stac.MapGet("/conformance", GetConformance).WithName(nameof(GetConformance)).WithSummary("Conformance classes implemented.");
        stac.MapGet("/collections", GetCollections).WithName(nameof(GetCollections));
        stac.MapGet("/collections/{collectionId}", GetCollection).WithName(nameof(GetCollection));
        stac.MapGet("/collections/{collectionId}/items", GetItems).WithName(nameof(GetItems));
        stac.MapGet("/collections/{collectionId}/items/{itemId}", GetItem).WithName(nameof(GetItem));
        stac.MapGet("/queryables", GetQueryables).WithName(nameof(GetQueryables)).WithSummary("Properties a filter may use (JSON Schema).");
        stac.MapGet("/collections/{collectionId}/queryables", GetCollectionQueryables).WithName(nameof(GetCollectionQueryables));
        stac.MapGet("/search", SearchGet).WithName(nameof(SearchGet)).WithSummary("Item search (query parameters).");
        stac.MapPost("/search", SearchPost).WithName(nameof(SearchPost)).WithSummary("Item search (JSON body).");
        return app;
    }

    public static IResult GetLandingPage(HttpContext http)
    {
        var root = Root(http);
        var page = new JsonObject
        {
            ["type"] = "Catalog",
            ["stac_version"] = StacConformance.StacVersion,
            ["id"] = "satellite-marketplace",
            ["title"] = "Satellite Data Marketplace",
            ["description"] = "A trusted marketplace for commercial satellite data: certified products, graded access, tamper-evident audit.",
            ["conformsTo"] = new JsonArray(StacConformance.Classes.Select(c => (JsonNode)c).ToArray()),
            ["links"] = new JsonArray(new JsonNode[]
            {
                StacDocuments.Link("self", root + "/", StacDocuments.Json, "This page"),
                StacDocuments.Link("root", root + "/", StacDocuments.Json, "Landing page"),
                StacDocuments.Link("conformance", root + "/conformance", StacDocuments.Json, "Conformance classes"),
                StacDocuments.Link("data", root + "/collections", StacDocuments.Json, "Collections"),
                StacDocuments.Link("search", root + "/search", StacDocuments.GeoJson, "Item search", "GET"),
                StacDocuments.Link("search", root + "/search", StacDocuments.GeoJson, "Item search", "POST"),
                StacDocuments.Link("service-desc", root + OpenApiSetup.DocumentPath, "application/vnd.oai.openapi+json;version=3.1", "OpenAPI 3.1 description"),
                StacDocuments.Link("service-doc", root + "/docs", "text/html", "Interactive API documentation"),
                StacDocuments.Link("token", root + "/" + IdentityModule.TokenEndpoint, StacDocuments.Json, "OAuth2 token endpoint"),
                StacDocuments.Link("openid-configuration", root + "/.well-known/openid-configuration", StacDocuments.Json, "OpenID Connect discovery"),
                StacDocuments.Link("problems", root + "/problems", StacDocuments.Json, "Problem types of error responses"),
                StacDocuments.Link("audit", root + "/audit/sth", StacDocuments.Json, "Audit log: latest signed tree head"),
            }.Concat(AggregationCatalog.Links(root)).ToArray()),
        };
        return Results.Json(page);
    }

    public static IResult GetConformance() =>
        Results.Json(new JsonObject { ["conformsTo"] = new JsonArray(StacConformance.Classes.Select(c => (JsonNode)c).ToArray()) });

    public static IResult GetQueryables(HttpContext http) =>
        Results.Json(CatalogQueryables.Document(Root(http) + "/queryables", "Queryables of every collection"), contentType: "application/schema+json");

    public static async Task<IResult> GetCollectionQueryables(string collectionId, HttpContext http, ListCollections list, GradeScale grades, ClaimsPrincipal user, CancellationToken ct) =>
        (await list.HandleAsync(Viewer(user, grades), collectionId, ct)).Count == 0
            ? NotFound($"Collection '{collectionId}' was not found.")
            : Results.Json(CatalogQueryables.Document($"{Root(http)}/collections/{Uri.EscapeDataString(collectionId)}/queryables", $"Queryables of {collectionId}"),
                contentType: "application/schema+json");

    public static async Task<IResult> GetCollections(HttpContext http, ListCollections list, GradeScale grades, ClaimsPrincipal user, CancellationToken ct,
        string? q = null, string? bbox = null, string? datetime = null)
    {
        var root = Root(http);
        var parsed = SearchParameters.Parse(new SearchParameters.Raw(null, null, null, bbox, null, datetime, null, null, null, Q: SearchParameters.SplitList(q)), out _);
        if (parsed is Outcome<ItemSearch>.Invalid invalid)
        {
            return Results.ValidationProblem(invalid.Errors, detail: "One or more parameters are not valid; see 'errors'.",
                type: ProblemTypes.Validation.Uri, title: ProblemTypes.Validation.Title);
        }
        var views = await list.HandleAsync(Viewer(user, grades), null, ct, ((Outcome<ItemSearch>.Ok)parsed).Value);
        return Results.Json(new JsonObject
        {
            ["collections"] = new JsonArray(views.Select(v => (JsonNode)StacDocuments.Collection(v, root)).ToArray()),
            ["links"] = new JsonArray(StacDocuments.Link("self", root + "/collections", StacDocuments.Json), StacDocuments.Link("root", root + "/", StacDocuments.Json)),
        });
    }

    public static async Task<IResult> GetCollection(string collectionId, HttpContext http, ListCollections list, GradeScale grades, ClaimsPrincipal user, CancellationToken ct)
    {
        var views = await list.HandleAsync(Viewer(user, grades), collectionId, ct);
        return views.Count == 0
            ? NotFound($"Collection '{collectionId}' was not found.")
            : StacResults.JsonWithETag(http, StacDocuments.Collection(views[0], Root(http)), StacDocuments.Json);
    }

    public static async Task<IResult> GetItems(string collectionId, HttpContext http, ListCollections list, SearchItems search, GradeScale grades, ClaimsPrincipal user,
        CancellationToken ct, string? bbox = null, string? datetime = null, string? limit = null, string? token = null, string? filter = null,
        [FromQuery(Name = "filter-lang")] string? filterLang = null, string? sortby = null, string? q = null, string? fields = null, string? query = null)
    {
        var viewer = Viewer(user, grades);
        if ((await list.HandleAsync(viewer, collectionId, ct)).Count == 0)
        {
            return NotFound($"Collection '{collectionId}' was not found.");
        }
        if (ParseJson(query, "query") is { } badQuery)
        {
            return badQuery;
        }
        var raw = new SearchParameters.Raw([collectionId], null, null, bbox, null, datetime, null, limit, token, Text(filter), filterLang,
            sortby, null, SearchParameters.SplitList(q), query is null ? null : JsonNode.Parse(query));
        return await RunAsync(raw, http, search, viewer, $"/collections/{Uri.EscapeDataString(collectionId)}/items", null, FieldsSelection.Parse(fields), ct);
    }

    public static async Task<IResult> GetItem(string collectionId, string itemId, HttpContext http, SearchItems search, GradeScale grades, ClaimsPrincipal user, CancellationToken ct)
    {
        var item = await search.FindAsync(collectionId, itemId, Viewer(user, grades), ct);
        return item is null
            ? NotFound($"Item '{itemId}' was not found in collection '{collectionId}'.")
            : StacResults.JsonWithETag(http, StacItemWriter.ToUtf8(item, Root(http)), StacDocuments.GeoJson);
    }

    public static Task<IResult> SearchGet(HttpContext http, SearchItems search, GradeScale grades, ClaimsPrincipal user, CancellationToken ct,
        string? collections = null, string? ids = null, string? bbox = null, string? datetime = null, string? limit = null, string? token = null,
        string? filter = null, [FromQuery(Name = "filter-lang")] string? filterLang = null, string? sortby = null, string? q = null, string? fields = null,
        string? query = null)
    {
        if (ParseJson(query, "query") is { } badQuery)
        {
            return Task.FromResult(badQuery);
        }
        var raw = new SearchParameters.Raw(SearchParameters.SplitList(collections), SearchParameters.SplitList(ids), null, bbox, null, datetime, null, limit, token,
            Text(filter), filterLang, sortby, null, SearchParameters.SplitList(q), query is null ? null : JsonNode.Parse(query));
        return RunAsync(raw, http, search, Viewer(user, grades), "/search", null, FieldsSelection.Parse(fields), ct);
    }

    public static Task<IResult> SearchPost([FromBody] SearchBody body, HttpContext http, SearchItems search, GradeScale grades, ClaimsPrincipal user, CancellationToken ct)
    {
        var raw = new SearchParameters.Raw(body.Collections, body.Ids, body.Bbox, null, body.Intersects, body.Datetime, body.Limit, null, body.Token,
            body.Filter, body.FilterLang, null, body.Sortby?.Select(s => (s.Field ?? "", string.Equals(s.Direction, "desc", StringComparison.OrdinalIgnoreCase))).ToList(),
            body.Q switch { JsonArray terms => terms.Select(t => t?.ToString() ?? "").ToList(), JsonValue term => SearchParameters.SplitList(term.ToString()), _ => null },
            body.Query);
        return RunAsync(raw, http, search, Viewer(user, grades), "/search", body,
            new FieldsSelection(body.Fields?.Include ?? [], body.Fields?.Exclude ?? []), ct);
    }

    private static async Task<IResult> RunAsync(SearchParameters.Raw raw, HttpContext http, SearchItems search, CatalogViewer viewer, string path, SearchBody? body,
        FieldsSelection fields, CancellationToken ct)
    {
        var parsed = SearchParameters.Parse(raw, out var tooLarge);
        if (parsed is Outcome<ItemSearch>.Invalid invalid)
        {
            return tooLarge
                ? Results.Problem(detail: string.Join(" ", invalid.Errors.SelectMany(e => e.Value)), statusCode: 413,
                    title: ProblemTypes.PayloadTooLarge.Title, type: ProblemTypes.PayloadTooLarge.Uri)
                : Results.ValidationProblem(invalid.Errors, detail: "One or more parameters are not valid; see 'errors'.",
                    type: ProblemTypes.Validation.Uri, title: ProblemTypes.Validation.Title);
        }
        var request = ((Outcome<ItemSearch>.Ok)parsed).Value;
        var result = await search.HandleAsync(request, viewer, ct);
        if (result is Outcome<ItemPage>.Invalid badToken)
        {
            return Results.ValidationProblem(badToken.Errors, type: ProblemTypes.Validation.Uri, title: ProblemTypes.Validation.Title);
        }
        var page = ((Outcome<ItemPage>.Ok)result).Value;
        var root = Root(http);
        var self = root + path + http.Request.QueryString;
        var links = new JsonArray(StacDocuments.Link("self", self, StacDocuments.GeoJson), StacDocuments.Link("root", root + "/", StacDocuments.Json));
        if (page.NextToken is { } next)
        {
            if (body is null)
            {
                var query = http.Request.Query.Where(q => q.Key != "token").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                    .Append("token=" + Uri.EscapeDataString(next));
                links.Add(StacDocuments.Link("next", $"{root}{path}?{string.Join('&', query)}", StacDocuments.GeoJson, method: "GET"));
            }
            else
            {
                links.Add(StacDocuments.Link("next", root + path, StacDocuments.GeoJson, method: "POST",
                    body: new JsonObject { ["token"] = next }).Also(l => l["merge"] = true));
            }
        }
        return new ItemCollectionResult(page, root, links, fields);
    }

    private static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }

    private static JsonValue? Text(string? value) => value is null ? null : JsonValue.Create(value);

    /// <summary>A 400 naming the parameter when it is not JSON; null when it is JSON or absent.</summary>
    private static IResult? ParseJson(string? value, string parameter)
    {
        if (value is null)
        {
            return null;
        }
        try
        {
            JsonNode.Parse(value);
            return null;
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [$"{parameter} is not JSON: {ex.Message}"] },
                type: ProblemTypes.Validation.Uri, title: ProblemTypes.Validation.Title);
        }
    }

    private static CatalogViewer Viewer(ClaimsPrincipal user, GradeScale grades) =>
        CatalogViewer.For(Caller.From(user)?.Clearance, grades);

    private static string Root(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: 404, title: ProblemTypes.NotFound.Title, type: ProblemTypes.NotFound.Uri);
}

/// <summary>The JSON body of POST /search.</summary>
public sealed record SearchBody(
    IReadOnlyList<string>? Collections, IReadOnlyList<string>? Ids, IReadOnlyList<double>? Bbox, JsonNode? Intersects,
    string? Datetime, int? Limit, string? Token, JsonNode? Filter,
    [property: System.Text.Json.Serialization.JsonPropertyName("filter-lang")] string? FilterLang,
    IReadOnlyList<SortField>? Sortby, JsonNode? Q, JsonNode? Query, FieldsBody? Fields);

/// <summary>One key of a POST sortby: a field and asc or desc.</summary>
public sealed record SortField(string? Field, string? Direction);

/// <summary>The POST fields object.</summary>
public sealed record FieldsBody(IReadOnlyList<string>? Include, IReadOnlyList<string>? Exclude);
