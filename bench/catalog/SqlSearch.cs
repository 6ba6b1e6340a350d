using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Marketplace.Catalog.Persistence;
using Marketplace.Catalog.Search;
using Marketplace.Catalog.Visibility;
using Marketplace.Platform.Outcomes;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Marketplace.Bench.Catalog;

/// <summary>
/// The API's item search without the API: the same parameters read by <see cref="SearchParameters"/>, the same WHERE
/// clause from the app's <see cref="ItemConditions"/> into a <see cref="SqlQuery"/>, the same SELECT list (read from
/// <see cref="SearchItems"/>), keyset condition, order and limit, run on a data source configured as the API's, and
/// every row read into an <see cref="ItemRecord"/> as the API does. Only HTTP and the STAC JSON are left out.
/// </summary>
internal sealed class SqlSearch(NpgsqlDataSource dataSource, ItemConditions conditions, CatalogViewer viewer)
{
    /// <summary>SearchItems' SELECT list, so this query cannot drift from the API's.</summary>
    private static readonly string Select = typeof(SearchItems).GetField("Select", BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() as string
        ?? throw new InvalidOperationException("SearchItems no longer has its Select constant; update the benchmark's SQL search.");

    /// <summary>How many columns SearchItems' SELECT list has: the first sort value follows them.</summary>
    private static readonly int ItemColumns = typeof(SearchItems).GetField("ItemColumns", BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() as int?
        ?? throw new InvalidOperationException("SearchItems no longer has its ItemColumns constant; update the benchmark's SQL search.");

    /// <summary>SearchItems' own row reader, so every column is read as the API reads it.</summary>
    private static readonly Func<NpgsqlDataReader, ItemRecord> ReadItem =
        typeof(SearchItems).GetMethod("ReadItem", BindingFlags.NonPublic | BindingFlags.Static)?.CreateDelegate<Func<NpgsqlDataReader, ItemRecord>>()
        ?? throw new InvalidOperationException("SearchItems no longer has its ReadItem method; update the benchmark's SQL search.");

    /// <summary>The SQL and parameters of the search, as <see cref="SearchItems.HandleAsync"/> builds them.</summary>
    public SqlQuery Build(SearchParameters.Raw raw)
    {
        if (SearchParameters.Parse(raw, out _) is not Outcome<ItemSearch>.Ok(var search))
        {
            throw new InvalidOperationException("The benchmark built search parameters the API refuses.");
        }
        var order = search.Sort ?? SortOrder.Default;
        var token = PageToken.TryDecode(search.Token, order);
        if (search.Token is not null && token is null)
        {
            throw new InvalidOperationException("The page token is not one the API issued.");
        }
        var sortColumns = string.Concat(order.Keys.Select((key, k) => $", {key.SqlExpression} AS sort_{k}"));
        var query = new SqlQuery().Append(Select.Replace("FROM catalog.items i", sortColumns + " FROM catalog.items i", StringComparison.Ordinal));
        if (conditions.Where(search, viewer, query) is not Outcome<SqlQuery>.Ok)
        {
            throw new InvalidOperationException("The benchmark built a filter the API refuses.");
        }
        token?.AppendAfter(order, query);
        var limit = Math.Clamp(search.Limit, 1, ItemSearch.MaxLimit);
        query.Append(" ORDER BY ").Append(order.OrderBy).Append(" LIMIT ").Append(query.Parameter(limit + 1));
        return query;
    }

    /// <summary>
    /// The SQL text <see cref="SearchItems"/> itself sends for the same search, caught from Npgsql's tracing, to show
    /// that the direct query is the API's; null when tracing gave no text.
    /// </summary>
    public async Task<string?> ApiSqlAsync(SearchItems searchItems, SearchParameters.Raw raw, CancellationToken ct)
    {
        var search = ((Outcome<ItemSearch>.Ok)SearchParameters.Parse(raw, out _)).Value;
        string? text = null;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Npgsql", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => text ??= activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string,
        };
        ActivitySource.AddActivityListener(listener);
        await searchItems.HandleAsync(search, viewer, ct);
        return text;
    }

    /// <summary>Runs a built search and reads every row; the ids in order.</summary>
    public static async Task<List<string>> RunAsync(NpgsqlDataSource dataSource, SqlQuery query, CancellationToken ct)
    {
        await using var command = query.CreateCommand(dataSource);
        var ids = new List<string>(QueryMix.Limit + 1);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(ReadItem(reader).Id);
            _ = reader.GetFieldValue<DateTimeOffset>(ItemColumns); // the sort value SearchItems reads for the next token
        }
        if (ids.Count > QueryMix.Limit)
        {
            ids.RemoveAt(ids.Count - 1);
        }
        return ids;
    }

    public Task<List<string>> RunAsync(SqlQuery query, CancellationToken ct) => RunAsync(dataSource, query, ct);

    /// <summary>
    /// EXPLAIN (ANALYZE, BUFFERS) of a built search: the custom plan (for these parameter values), and the generic
    /// plan PostgreSQL switches to for a prepared statement after five executions when it does not look costlier. The
    /// API's data source prepares hot statements automatically, so its searches mostly run on generic plans.
    /// </summary>
    public async Task<string> ExplainAsync(SqlQuery query, CancellationToken ct)
    {
        var plan = new StringBuilder();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var custom = new SqlQuery().Append("EXPLAIN (ANALYZE, BUFFERS) ").Append(query.Text.ToString()).AppendFragment("", query.Parameters);
        plan.AppendLine("    custom plan:");
        await ReadPlanAsync(connection, custom.Text.ToString(), custom.Parameters, plan, ct);
        var types = query.Parameters.Select(TypeName).ToList();
        if (types.Contains(null))
        {
            return plan.AppendLine("    (no generic plan: a parameter type is not handled here)").ToString();
        }
        await ReadPlanAsync(connection, $"PREPARE bench_generic ({string.Join(", ", types)}) AS {query.Text}", [], null, ct);
        try
        {
            await ReadPlanAsync(connection, "SET plan_cache_mode = force_generic_plan", [], null, ct);
            plan.AppendLine("    generic plan:");
            await ReadPlanAsync(connection, $"EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_generic ({string.Join(", ", query.Parameters.Select(Literal))})", [], plan, ct);
        }
        finally
        {
            await ReadPlanAsync(connection, "DEALLOCATE bench_generic; RESET plan_cache_mode", [], null, CancellationToken.None);
        }
        return plan.ToString();
    }

    /// <summary>How many of one statement's executions on one connection ran on a generic plan, with the data source's settings.</summary>
    public async Task<(long Generic, long Custom)> PlanCacheAsync(IReadOnlyList<SqlQuery> queries, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var query in queries)
        {
            await using var command = new NpgsqlCommand(query.Text.ToString(), connection);
            foreach (var value in query.Parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
            }
        }
        await using var counts = new NpgsqlCommand("SELECT coalesce(sum(generic_plans), 0)::bigint, coalesce(sum(custom_plans), 0)::bigint FROM pg_prepared_statements WHERE statement = $1", connection);
        counts.Parameters.Add(new NpgsqlParameter { Value = queries[0].Text.ToString() });
        await using var result = await counts.ExecuteReaderAsync(ct);
        await result.ReadAsync(ct);
        return (result.GetInt64(0), result.GetInt64(1));
    }

    private static async Task ReadPlanAsync(NpgsqlConnection connection, string sql, IReadOnlyList<object> parameters, StringBuilder? plan, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (plan is not null && await reader.ReadAsync(ct))
        {
            plan.Append("      ").AppendLine(reader.GetString(0));
        }
    }

    // The types Npgsql sends these parameters as, so the prepared statement is planned as the API's is.
    private static string? TypeName(object value) => value switch
    {
        string => "text",
        string[] => "text[]",
        double => "double precision",
        int => "integer",
        long => "bigint",
        bool => "boolean",
        DateTimeOffset => "timestamp with time zone",
        Geometry => "geometry",
        _ => null,
    };

    private static string Literal(object value) => value switch
    {
        string text => Quote(text),
        string[] texts => $"ARRAY[{string.Join(", ", texts.Select(Quote))}]::text[]",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        DateTimeOffset instant => Quote(instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
        Geometry geometry => $"ST_GeomFromEWKT({Quote($"SRID={geometry.SRID};{geometry.AsText()}")})",
        _ => throw new ArgumentException($"No literal for {value.GetType()}."),
    };

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
