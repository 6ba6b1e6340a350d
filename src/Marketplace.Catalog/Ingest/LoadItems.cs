using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading.Channels;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Items;
using Marketplace.Catalog.Persistence;
using Marketplace.Catalog.Validation;
using Marketplace.Platform.Outcomes;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Catalog.Ingest;

/// <summary>How loaded items are published: their grade, whether buyers may find them, and the providing organization.</summary>
public sealed record LoadOptions(string Grade, bool Published, Guid? ProviderOrganization, string? CollectionId = null);

/// <summary>A line that could not be loaded, with why.</summary>
public sealed record LoadError(long Line, string Message);

public sealed record LoadResult(long Loaded, IReadOnlyList<LoadError> Errors);

/// <summary>
/// Bulk-loads newline-delimited STAC items (one item per line, from a file or standard input). Reading and checking
/// the lines (the item rules, then the STAC schemas of the item and of every extension it declares) overlaps with
/// writing them: batches of <see cref="BatchSize"/> go to <see cref="Writers"/> connections,
/// each writing with binary COPY straight into the catalog, or, when a batch meets items already stored, through a
/// staging table and an upsert. Invalid lines are reported with their number and skipped; a batch is written whole or
/// not at all. When an item appears more than once in a load, the last line wins: within a batch by replacing the
/// earlier line, across batches by writing the later batch only after every earlier one has committed.
/// </summary>
public sealed class LoadItems(NpgsqlDataSource dataSource, StacItemReader reader, StacSchemaValidator schemas, TimeProvider clock)
{
    public const int BatchSize = 10_000;

    /// <summary>Batches written at the same time: PostgreSQL works on one while the next is being read.</summary>
    public const int Writers = 2;

    private const string Columns = "collection_id, id, geometry, datetime, start_datetime, end_datetime, properties, assets, stac_extensions, grade, published, provider_organization, updated_at, links";

    private const string UniqueViolation = "23505";

    public async Task<LoadResult> HandleAsync(Stream ndjson, LoadOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var batches = Channel.CreateBounded<LoadBatch>(new BoundedChannelOptions(Writers) { SingleWriter = true });
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteBatchesAsync(batches.Reader, options, failure), CancellationToken.None)).ToList();
        IReadOnlyList<LoadError> errors = [];
        try
        {
            errors = await ReadBatchesAsync(ndjson, options, batches.Writer, failure.Token);
        }
        catch (OperationCanceledException) when (failure.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A writer failed and cancelled the load; its error is thrown below.
        }
        catch
        {
            await failure.CancelAsync();
            throw;
        }
        finally
        {
            batches.Writer.TryComplete();
        }
        try
        {
            var loaded = await Task.WhenAll(writers);
            return new LoadResult(loaded.Sum(), errors);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The other writer stopped because one failed: throw the failure, not the cancellation.
            var cause = writers.Where(w => w.IsFaulted).SelectMany(w => w.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null)
            {
                ExceptionDispatchInfo.Throw(cause);
            }
            throw;
        }
    }

    private async Task<IReadOnlyList<LoadError>> ReadBatchesAsync(Stream ndjson, LoadOptions options, ChannelWriter<LoadBatch> output, CancellationToken ct)
    {
        using var lines = new StreamReader(ndjson);
        var errors = new List<LoadError>();
        var batch = new LoadBatch(null);
        var known = new HashSet<string>(StringComparer.Ordinal);
        // Keys of earlier batches, to find items that appear again later in the load.
        var written = new HashSet<(string, string)>();
        long lineNumber = 0;
        while (await lines.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                errors.Add(new LoadError(lineNumber, $"Not JSON: {ex.Message}"));
                continue;
            }
            Outcome<ItemRecord> outcome;
            using (json)
            {
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new LoadError(lineNumber, "Not a JSON object."));
                    continue;
                }
                outcome = reader.Read(json.RootElement, options.CollectionId);
                if (outcome is Outcome<ItemRecord>.Ok)
                {
                    // Against STAC core and every extension the item declares, as it will be served (when validation is on).
                    var schemaErrors = await schemas.ValidateItemAsync(json.RootElement, options.CollectionId, ct);
                    if (schemaErrors.Count > 0)
                    {
                        errors.Add(new LoadError(lineNumber, string.Join(" ", schemaErrors)));
                        continue;
                    }
                }
            }
            switch (outcome)
            {
                case Outcome<ItemRecord>.Ok(var item):
                    if (!known.Contains(item.CollectionId) && !await CollectionExistsAsync(item.CollectionId, ct))
                    {
                        errors.Add(new LoadError(lineNumber, $"The collection '{item.CollectionId}' does not exist."));
                        continue;
                    }
                    known.Add(item.CollectionId);
                    batch.Add(item, written.Contains((item.CollectionId, item.Id)));
                    break;
                case Outcome<ItemRecord>.Invalid invalid:
                    errors.Add(new LoadError(lineNumber, string.Join(" ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))));
                    continue;
            }
            if (batch.Count == BatchSize)
            {
                written.UnionWith(batch.Keys);
                await output.WriteAsync(batch, ct);
                batch = new LoadBatch(batch);
            }
        }
        if (batch.Count > 0)
        {
            await output.WriteAsync(batch, ct);
        }
        return errors;
    }

    private async Task<long> WriteBatchesAsync(ChannelReader<LoadBatch> input, LoadOptions options, CancellationTokenSource failure)
    {
        var ct = failure.Token;
        long loaded = 0;
        await foreach (var batch in input.ReadAllAsync(ct))
        {
            try
            {
                if (batch.FollowsEarlier)
                {
                    await batch.EarlierWritten.WaitAsync(ct);
                }
                loaded += await WriteAsync(batch.Items, options, ct);
                batch.MarkWritten();
            }
            catch (Exception ex)
            {
                batch.MarkFailed(ex);
                await failure.CancelAsync();
                throw;
            }
        }
        return loaded;
    }

    private async Task<bool> CollectionExistsAsync(string collectionId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM catalog.collections WHERE id = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = collectionId });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<long> WriteAsync(IReadOnlyCollection<ItemRecord> batch, LoadOptions options, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // New items (the common case of a load) go straight into the catalog; a batch that meets stored items is
        // written again through a staging table and an upsert.
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            try
            {
                var copied = await CopyAsync(connection, "catalog.items", batch, options, ct);
                await transaction.CommitAsync(ct);
                return copied;
            }
            catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
            {
                await transaction.RollbackAsync(ct);
            }
        }
        await using var upsertTransaction = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE items_load ON COMMIT DROP AS SELECT {Columns} FROM catalog.items WITH NO DATA", connection, upsertTransaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await CopyAsync(connection, "items_load", batch, options, ct);
        await using var upsert = new NpgsqlCommand($"""
            INSERT INTO catalog.items ({Columns}) SELECT {Columns} FROM items_load
            ON CONFLICT (collection_id, id) DO UPDATE SET
                geometry = excluded.geometry, datetime = excluded.datetime, start_datetime = excluded.start_datetime,
                end_datetime = excluded.end_datetime, properties = excluded.properties, assets = excluded.assets,
                stac_extensions = excluded.stac_extensions, grade = excluded.grade, published = excluded.published,
                provider_organization = excluded.provider_organization, updated_at = excluded.updated_at, links = excluded.links
            """, connection, upsertTransaction);
        var written = await upsert.ExecuteNonQueryAsync(ct);
        await upsertTransaction.CommitAsync(ct);
        return written;
    }

    private async Task<long> CopyAsync(NpgsqlConnection connection, string table, IReadOnlyCollection<ItemRecord> batch, LoadOptions options, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var item in batch)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(item.CollectionId, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(item.Id, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(item.Geometry, NpgsqlDbType.Geometry, ct);
            if (item.Datetime is { } datetime)
            {
                await copy.WriteAsync(datetime, NpgsqlDbType.TimestampTz, ct);
            }
            else
            {
                await copy.WriteNullAsync(ct);
            }
            await copy.WriteAsync(item.StartDatetime, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(item.EndDatetime, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(item.Properties, NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(item.Assets, NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(item.StacExtensions, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(options.Grade, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(options.Published, NpgsqlDbType.Boolean, ct);
            if (options.ProviderOrganization is { } provider)
            {
                await copy.WriteAsync(provider, NpgsqlDbType.Uuid, ct);
            }
            else
            {
                await copy.WriteNullAsync(ct);
            }
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            if (item.Links is { } links)
            {
                await copy.WriteAsync(links, NpgsqlDbType.Jsonb, ct);
            }
            else
            {
                await copy.WriteNullAsync(ct);
            }
        }
        return (long)await copy.CompleteAsync(ct);
    }
}
