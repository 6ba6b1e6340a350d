using Marketplace.Catalog.Cql2;
using Npgsql;

namespace Marketplace.UnitTests.Catalog.Cql2;

/// <summary>
/// Runs translated filters on a TEMP copy of the items table in a real PostGIS (the local stack), in a transaction
/// that is rolled back: the SQL must be valid and select exactly the expected items.
/// </summary>
public sealed class Cql2SqlTranslatorPostGisTests(PostGisFixture postGis) : IClassFixture<PostGisFixture>
{
    // a: instant on 2020-01-01 10:00, a 10°×10° square at the origin, Sentinel-2A with msi, 5 % cloud.
    // b: interval over February 2020 (no datetime), a square at 20..30°, landsat-8 with oli and tirs, 50 % cloud.
    // c: instant on 2021-06-15 12:00, the point (5 5), no platform, msi and sar, 95.5 % cloud.
    private const string Setup = """
        CREATE TEMP TABLE cql2_items (
            id text PRIMARY KEY,
            collection_id text NOT NULL,
            geometry geometry(Geometry, 4326) NOT NULL,
            datetime timestamptz NULL,
            start_datetime timestamptz NOT NULL,
            end_datetime timestamptz NOT NULL,
            properties jsonb NOT NULL
        ) ON COMMIT DROP;
        INSERT INTO cql2_items VALUES
          ('a', 'c1', ST_GeomFromText('POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))', 4326),
           '2020-01-01T10:00:00Z', '2020-01-01T10:00:00Z', '2020-01-01T10:00:00Z',
           '{"eo:cloud_cover": 5, "platform": "Sentinel-2A", "instruments": ["msi"], "marketplace:certified": true}'),
          ('b', 'c1', ST_GeomFromText('POLYGON((20 20, 30 20, 30 30, 20 30, 20 20))', 4326),
           NULL, '2020-02-01T00:00:00Z', '2020-02-28T23:59:59Z',
           '{"eo:cloud_cover": 50, "platform": "landsat-8", "instruments": ["oli", "tirs"], "marketplace:certified": false}'),
          ('c', 'c2', ST_GeomFromText('POINT(5 5)', 4326),
           '2021-06-15T12:00:00Z', '2021-06-15T12:00:00Z', '2021-06-15T12:00:00Z',
           '{"eo:cloud_cover": 95.5, "instruments": ["msi", "sar"]}');
        """;

    public static TheoryData<string, string> Filters => new()
    {
        { "TRUE", "a b c" },
        { "eo:cloud_cover < 10", "a" },
        { "eo:cloud_cover BETWEEN 10 AND 96", "b c" },
        { "eo:cloud_cover IN (5, 50)", "a b" },
        { "marketplace:certified = FALSE", "b" },
        { "id <> collection AND collection = 'c1'", "a b" },
        { "CASEI(platform) LIKE CASEI('sentinel%')", "a" },
        { @"platform LIKE 'landsat\_8'", "" },
        { "platform LIKE 'landsat_8'", "b" },
        { "platform IN ('landsat-8', 'Sentinel-2A')", "a b" },
        { "CASEI(platform) IN (CASEI('SENTINEL-2A'), CASEI('Landsat-8'))", "a b" },
        { "platform IS NULL", "c" },
        { "NOT (eo:cloud_cover > 40) OR collection = 'c2'", "a c" },
        { "S_INTERSECTS(geometry, BBOX(4, 4, 6, 6))", "a c" },
        { "S_WITHIN(geometry, POLYGON((-1 -1, 11 -1, 11 11, -1 11, -1 -1)))", "a c" },
        { "S_CONTAINS(geometry, POINT(25 25))", "b" },
        { "S_DISJOINT(geometry, BBOX(4, 4, 6, 6))", "b" },
        { "S_TOUCHES(geometry, LINESTRING(10 0, 10 10))", "a" },
        { "T_INTERSECTS(datetime, INTERVAL('2020-02-10', '..'))", "b c" },
        { "T_DURING(datetime, INTERVAL('2020-01-01', '2020-12-31'))", "a b" },
        { "T_BEFORE(datetime, DATE('2020-02-01'))", "a" },
        { "T_AFTER(datetime, TIMESTAMP('2020-02-28T23:59:59Z'))", "c" },
        { "T_METBY(datetime, INTERVAL('2020-01-15T00:00:00Z', '2020-02-01T00:00:00Z'))", "b" },
        { "T_EQUALS(datetime, TIMESTAMP('2021-06-15T12:00:00Z'))", "c" },
        { "T_DISJOINT(datetime, INTERVAL('..', '2020-12-31'))", "c" },
        { "datetime = DATE('2020-01-01')", "a" },
        { "datetime < TIMESTAMP('2020-02-01T00:00:00Z')", "a" },
        { "start_datetime IN (TIMESTAMP('2020-01-01T10:00:00Z'))", "a" },
        { "A_CONTAINS(instruments, ('msi'))", "a c" },
        { "A_CONTAINEDBY(instruments, ('msi', 'oli', 'tirs'))", "a b" },
        { "A_EQUALS(instruments, ('tirs', 'oli'))", "b" },
        { "A_OVERLAPS(instruments, ('tirs', 'sar'))", "b c" },
        { "A_OVERLAPS(instruments, (1, 'msi'))", "a c" },
        { "platform = '''); DROP TABLE cql2_items; --'", "" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Translate_OnPostGis_SelectsTheExpectedItems(string filter, string expected)
    {
        var fragment = ItemQueryables.Translate(filter);

        var selected = await SelectAsync(fragment, TestContext.Current.CancellationToken);

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), selected);
    }

    [Fact]
    public async Task And_OnPostGis_CombinedFragmentsBindTheirParameters()
    {
        var combined = ItemQueryables.Translate("collection = 'c1'").And(ItemQueryables.Translate("eo:cloud_cover < 60 AND S_INTERSECTS(geometry, BBOX(0, 0, 25, 25))"));

        var selected = await SelectAsync(combined, TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b"], selected);
    }

    private async Task<List<string>> SelectAsync(SqlFragment fragment, CancellationToken ct)
    {
        await using var connection = await postGis.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var setup = new NpgsqlCommand(Setup, connection, transaction))
        {
            await setup.ExecuteNonQueryAsync(ct);
        }
        var selected = new List<string>();
        await using (var query = new NpgsqlCommand($"SELECT i.id FROM cql2_items AS i WHERE {fragment.Sql} ORDER BY i.id", connection, transaction))
        {
            foreach (var parameter in fragment.Parameters)
            {
                query.Parameters.Add(new NpgsqlParameter { Value = parameter });
            }
            await using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                selected.Add(reader.GetString(0));
            }
        }
        await transaction.RollbackAsync(ct);
        return selected;
    }
}
