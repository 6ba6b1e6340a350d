using System.Text.Json;
using Marketplace.Catalog.Cql2;
using NetTopologySuite.Geometries;

namespace Marketplace.UnitTests.Catalog.Cql2;

public sealed class Cql2SqlTranslatorTests
{
    private const string CloudCover = "(i.properties->>'eo:cloud_cover')::double precision";
    private const string Platform = "i.properties->>'platform'";
    private const string Instruments = "i.properties->'instruments'";

    private static readonly DateTimeOffset S = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset E = new(2020, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static SqlFragment Translate(string text) => ItemQueryables.Translate(text);

    private static void AssertSql(string expectedSql, object[] expectedParameters, SqlFragment actual)
    {
        Assert.Equal(expectedSql, actual.Sql);
        Assert.Equal(expectedParameters.Length, actual.Parameters.Count);
        for (var i = 0; i < expectedParameters.Length; i++)
        {
            Assert.IsType(expectedParameters[i].GetType(), actual.Parameters[i]);
            Assert.Equal(expectedParameters[i], actual.Parameters[i]);
        }
    }

    [Theory]
    [InlineData("=")]
    [InlineData("<>")]
    [InlineData("<")]
    [InlineData("<=")]
    [InlineData(">")]
    [InlineData(">=")]
    public void Translate_NumberComparison_PassesADouble(string op) =>
        AssertSql($"{CloudCover} {op} $1", [10.0], Translate($"eo:cloud_cover {op} 10"));

    [Fact]
    public void Translate_StringComparison_PassesAString() =>
        AssertSql("i.id = $1", ["S2A_20240101"], Translate("id = 'S2A_20240101'"));

    [Fact]
    public void Translate_IntegerProperty_ComparesWithADouble() =>
        AssertSql("(i.properties->>'sat:relative_orbit')::integer >= $1", [51.0], Translate("sat:relative_orbit >= 51"));

    [Fact]
    public void Translate_BooleanComparison_PassesABool() =>
        AssertSql("(i.properties->>'marketplace:certified')::boolean = $1", [true], Translate("marketplace:certified = TRUE"));

    [Fact]
    public void Translate_LiteralOnTheLeft_KeepsTheOrder() =>
        AssertSql($"$1 > {CloudCover}", [10.0], Translate("10 > eo:cloud_cover"));

    [Fact]
    public void Translate_PropertyAgainstProperty_UsesBothColumns() =>
        AssertSql("i.id <> i.collection_id", [], Translate("id <> collection"));

    [Fact]
    public void Translate_LogicalOperators_KeepTheTreeShape() =>
        AssertSql(
            $"(i.collection_id = $1 AND NOT ({CloudCover} > $2 OR {Platform} = $3))",
            ["sentinel-2-l2a", 40.0, "landsat-8"],
            Translate("collection = 'sentinel-2-l2a' AND NOT (eo:cloud_cover > 40 OR platform = 'landsat-8')"));

    [Fact]
    public void Translate_BooleanLiteralFilter_IsAParameter() => AssertSql("$1", [true], Translate("TRUE"));

    [Fact]
    public void Translate_Like_PassesThePatternWithItsWildcardsAndEscapes() =>
        AssertSql($"{Platform} LIKE $1", [@"sentinel\_2%"], Translate(@"platform LIKE 'sentinel\_2%'"));

    [Fact]
    public void Translate_NotLike_NegatesTheLike() =>
        AssertSql($"NOT ({Platform} LIKE $1)", ["landsat%"], Translate("platform NOT LIKE 'landsat%'"));

    [Fact]
    public void Translate_Casei_LowersBothSides() =>
        AssertSql($"lower({Platform}) = lower($1)", ["Sentinel-2A"], Translate("CASEI(platform) = CASEI('Sentinel-2A')"));

    [Fact]
    public void Translate_CaseiLike_LowersValueAndPattern() =>
        AssertSql($"lower({Platform}) LIKE lower($1)", ["SENTINEL%"], Translate("CASEI(platform) LIKE CASEI('SENTINEL%')"));

    [Fact]
    public void Translate_Between_PassesTwoDoubles() =>
        AssertSql($"{CloudCover} BETWEEN $1 AND $2", [0.0, 20.0], Translate("eo:cloud_cover BETWEEN 0 AND 20"));

    [Fact]
    public void Translate_NotBetween_NegatesTheBetween() =>
        AssertSql($"NOT ({CloudCover} BETWEEN $1 AND $2)", [0.0, 20.0], Translate("eo:cloud_cover NOT BETWEEN 0 AND 20"));

    [Fact]
    public void Translate_InStrings_IsAnyOfATextArray() =>
        AssertSql($"{Platform} = ANY ($1)", [new[] { "sentinel-2a", "sentinel-2b" }], Translate("platform IN ('sentinel-2a', 'sentinel-2b')"));

    [Fact]
    public void Translate_InNumbers_IsAnyOfADoubleArray() =>
        AssertSql($"NOT ({CloudCover} = ANY ($1))", [new[] { 1.0, 2.5 }], Translate("eo:cloud_cover NOT IN (1, 2.5)"));

    [Fact]
    public void Translate_InBooleans_IsAnyOfABoolArray() =>
        AssertSql("(i.properties->>'marketplace:certified')::boolean = ANY ($1)", [new[] { true }], Translate("marketplace:certified IN (TRUE)"));

    [Fact]
    public void Translate_InTimestamps_IsAnyOfATimestampArray() =>
        AssertSql("i.start_datetime = ANY ($1)", [new[] { S, E }], Translate("start_datetime IN (TIMESTAMP('2020-01-01T00:00:00Z'), TIMESTAMP('2020-02-01T00:00:00Z'))"));

    [Fact]
    public void Translate_InCaseiStrings_LowersTheListInSql() =>
        AssertSql(
            $"lower({Platform}) = ANY (SELECT lower(cql2_e) FROM unnest($1) AS cql2_e)",
            [new[] { "Sentinel-2A", "LANDSAT-8" }],
            Translate("CASEI(platform) IN (CASEI('Sentinel-2A'), CASEI('LANDSAT-8'))"));

    [Fact]
    public void Translate_IsNull_AndIsNotNull()
    {
        AssertSql($"{Platform} IS NULL", [], Translate("platform IS NULL"));
        AssertSql($"NOT ({Platform} IS NULL)", [], Translate("platform IS NOT NULL"));
        AssertSql("(i.start_datetime IS NULL AND i.end_datetime IS NULL)", [], Translate("datetime IS NULL"));
        AssertSql("NOT (i.start_datetime IS NULL AND i.end_datetime IS NULL)", [], Translate("datetime IS NOT NULL"));
    }

    [Theory]
    [InlineData("S_INTERSECTS", "ST_Intersects")]
    [InlineData("S_EQUALS", "ST_Equals")]
    [InlineData("S_DISJOINT", "ST_Disjoint")]
    [InlineData("S_TOUCHES", "ST_Touches")]
    [InlineData("S_WITHIN", "ST_Within")]
    [InlineData("S_OVERLAPS", "ST_Overlaps")]
    [InlineData("S_CROSSES", "ST_Crosses")]
    [InlineData("S_CONTAINS", "ST_Contains")]
    public void Translate_SpatialFunction_PassesTheGeometryAsAParameter(string cql2, string postgis)
    {
        var fragment = Translate($"{cql2}(geometry, POINT(10 20))");

        Assert.Equal($"{postgis}(i.geometry, $1)", fragment.Sql);
        var point = Assert.IsType<Point>(Assert.Single(fragment.Parameters));
        Assert.Equal((10.0, 20.0, 4326), (point.X, point.Y, point.SRID));
    }

    [Fact]
    public void Translate_SpatialWithLiteralFirst_KeepsTheArgumentOrder()
    {
        var fragment = Translate("S_CONTAINS(BBOX(0, 0, 10, 10), geometry)");

        Assert.Equal("ST_Contains($1, i.geometry)", fragment.Sql);
        var polygon = Assert.IsType<Polygon>(Assert.Single(fragment.Parameters));
        Assert.Equal(new Envelope(0, 10, 0, 10), polygon.EnvelopeInternal);
        Assert.Equal(4326, polygon.SRID);
    }

    public static TheoryData<string, string, string> TemporalFunctions => new()
    {
        // Against INTERVAL(S, E); the last column lists the parameters in placeholder order.
        { "T_AFTER", "i.start_datetime > $1", "E" },
        { "T_BEFORE", "i.end_datetime < $1", "S" },
        { "T_CONTAINS", "(i.start_datetime < $1 AND i.end_datetime > $2)", "SE" },
        { "T_DISJOINT", "(i.end_datetime < $1 OR i.start_datetime > $2)", "SE" },
        { "T_DURING", "(i.start_datetime > $1 AND i.end_datetime < $2)", "SE" },
        { "T_EQUALS", "(i.start_datetime = $1 AND i.end_datetime = $2)", "SE" },
        { "T_FINISHEDBY", "(i.start_datetime < $1 AND i.end_datetime = $2)", "SE" },
        { "T_FINISHES", "(i.start_datetime > $1 AND i.end_datetime = $2)", "SE" },
        { "T_INTERSECTS", "(i.start_datetime <= $1 AND i.end_datetime >= $2)", "ES" },
        { "T_MEETS", "i.end_datetime = $1", "S" },
        { "T_METBY", "i.start_datetime = $1", "E" },
        { "T_OVERLAPPEDBY", "(i.start_datetime > $1 AND i.start_datetime < $2 AND i.end_datetime > $2)", "SE" },
        { "T_OVERLAPS", "(i.start_datetime < $1 AND i.end_datetime > $1 AND i.end_datetime < $2)", "SE" },
        { "T_STARTEDBY", "(i.start_datetime = $1 AND i.end_datetime > $2)", "SE" },
        { "T_STARTS", "(i.start_datetime = $1 AND i.end_datetime < $2)", "SE" },
    };

    [Theory]
    [MemberData(nameof(TemporalFunctions))]
    public void Translate_TemporalFunction_FollowsTheIntervalRelations(string function, string sql, string parameters) =>
        AssertSql(
            sql,
            [.. parameters.Select(p => (object)(p == 'S' ? S : E))],
            Translate($"{function}(datetime, INTERVAL('2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z'))"));

    [Fact]
    public void Translate_TemporalOnAnInstantProperty_UsesTheColumnAsStartAndEnd() =>
        AssertSql(
            "(i.start_datetime <= $1 AND i.start_datetime >= $2)",
            [E, S],
            Translate("T_INTERSECTS(start_datetime, INTERVAL('2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z'))"));

    [Fact]
    public void Translate_TimestampOperand_IsOneParameterForStartAndEnd() =>
        AssertSql(
            "(i.start_datetime <= $1 AND i.end_datetime >= $1)",
            [S],
            Translate("T_INTERSECTS(datetime, TIMESTAMP('2020-01-01T00:00:00Z'))"));

    [Fact]
    public void Translate_OpenIntervalEnds_AreFoldedAway()
    {
        AssertSql("i.end_datetime >= $1", [S], Translate("T_INTERSECTS(datetime, INTERVAL('2020-01-01T00:00:00Z', '..'))"));
        AssertSql("i.start_datetime <= $1", [E], Translate("T_INTERSECTS(datetime, INTERVAL('..', '2020-02-01T00:00:00Z'))"));
        AssertSql("TRUE", [], Translate("T_INTERSECTS(datetime, INTERVAL('..', '..'))"));
        AssertSql("FALSE", [], Translate("T_AFTER(datetime, INTERVAL('2020-01-01T00:00:00Z', '..'))"));
        AssertSql("i.start_datetime > $1", [S], Translate("T_DURING(datetime, INTERVAL('2020-01-01T00:00:00Z', '..'))"));
    }

    [Fact]
    public void Translate_DateIntervalEnds_CoverTheWholeEndDay() =>
        AssertSql(
            "(i.start_datetime <= $1 AND i.end_datetime >= $2)",
            [new DateTimeOffset(2020, 1, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_990), S],
            Translate("T_INTERSECTS(datetime, INTERVAL('2020-01-01', '2020-01-31'))"));

    [Fact]
    public void Translate_TemporalComparisons_ReadAsIntervalRelations()
    {
        AssertSql("i.end_datetime < $1", [S], Translate("datetime < TIMESTAMP('2020-01-01T00:00:00Z')"));
        AssertSql("i.start_datetime <= $1", [S], Translate("datetime <= TIMESTAMP('2020-01-01T00:00:00Z')"));
        AssertSql("i.start_datetime > $1", [S], Translate("datetime > TIMESTAMP('2020-01-01T00:00:00Z')"));
        AssertSql("i.end_datetime >= $1", [S], Translate("datetime >= TIMESTAMP('2020-01-01T00:00:00Z')"));
        AssertSql("(i.start_datetime = $1 AND i.end_datetime = $1)", [S], Translate("datetime = TIMESTAMP('2020-01-01T00:00:00Z')"));
        AssertSql("NOT (i.start_datetime = $1 AND i.end_datetime = $1)", [S], Translate("datetime <> TIMESTAMP('2020-01-01T00:00:00Z')"));
        AssertSql("i.start_datetime >= $1", [S], Translate("start_datetime >= TIMESTAMP('2020-01-01T00:00:00Z')"));
    }

    [Fact]
    public void Translate_EqualsDate_MeansWithinThatDay() =>
        AssertSql(
            "(i.start_datetime >= $1 AND i.end_datetime <= $2)",
            [S, S.AddDays(1).AddTicks(-10)],
            Translate("datetime = DATE('2020-01-01')"));

    [Fact]
    public void Translate_ArrayContains_IsJsonbContainment() =>
        AssertSql($"{Instruments} @> $1::jsonb", ["""["msi","oli"]"""], Translate("A_CONTAINS(instruments, ('msi', 'oli'))"));

    [Fact]
    public void Translate_ArrayContainedBy_IsJsonbContainedIn() =>
        AssertSql($"{Instruments} <@ $1::jsonb", ["""["msi"]"""], Translate("A_CONTAINEDBY(instruments, ('msi'))"));

    [Fact]
    public void Translate_ArrayEquals_IsEqualityAsSets() =>
        AssertSql($"({Instruments} @> $1::jsonb AND {Instruments} <@ $1::jsonb)", ["""["oli","tirs"]"""], Translate("A_EQUALS(instruments, ('oli', 'tirs'))"));

    [Fact]
    public void Translate_ArrayOverlapsStrings_IsTheAnyKeyOperator() =>
        AssertSql($"{Instruments} ?| $1", [new[] { "msi", "sar" }], Translate("A_OVERLAPS(instruments, ('msi', 'sar'))"));

    [Fact]
    public void Translate_ArrayOverlapsOtherValues_IteratesTheLiteral() =>
        AssertSql(
            $"EXISTS (SELECT 1 FROM jsonb_array_elements($1::jsonb) AS cql2_e(v) WHERE {Instruments} @> jsonb_build_array(cql2_e.v))",
            ["""[1,"msi",true,"2020-01-01T00:00:00Z","2020-01-01"]"""],
            Translate("A_OVERLAPS(instruments, (1, 'msi', TRUE, TIMESTAMP('2020-01-01T00:00:00Z'), DATE('2020-01-01')))"));

    [Fact]
    public void Translate_FirstParameterIndex_NumbersFromThere() =>
        AssertSql($"(i.collection_id = $5 AND {CloudCover} < $6)", ["c", 10.0], ItemQueryables.Translate("collection = 'c' AND eo:cloud_cover < 10", 5));

    [Fact]
    public void ShiftPlaceholders_RenumbersEveryPlaceholder()
    {
        var fragment = new SqlFragment("a = $1 AND b = ANY ($2) AND c = $10 AND d @> $1::jsonb", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

        var shifted = fragment.ShiftPlaceholders(3);

        Assert.Equal("a = $4 AND b = ANY ($5) AND c = $13 AND d @> $4::jsonb", shifted.Sql);
        Assert.Same(fragment.Parameters, shifted.Parameters);
    }

    [Fact]
    public void And_CombinesFragmentsAndRenumbersTheSecond()
    {
        var visibility = Translate("collection IN ('public', 'licensed')");
        var filter = Translate("eo:cloud_cover < 10 AND platform = 'landsat-8'");

        var combined = visibility.And(filter);

        Assert.Equal($"(i.collection_id = ANY ($1)) AND (({CloudCover} < $2 AND {Platform} = $3))", combined.Sql);
        Assert.Equal(3, combined.Parameters.Count);
        Assert.Equal(new object[] { 10.0, "landsat-8" }, combined.Parameters.Skip(1));
    }

    [Theory]
    [InlineData("cloud_cover < 10", "cloud_cover")]
    [InlineData("id = 'a' OR S_INTERSECTS(footprint, POINT(1 2))", "footprint")]
    [InlineData("T_INTERSECTS(datetime, INTERVAL(published, '..'))", "published")]
    [InlineData("\"i.id\" = 'a'", "i.id")]
    [InlineData("\"platform'); DROP TABLE x; --\" = 'a'", "platform'); DROP TABLE x; --")]
    public void Translate_UnknownProperty_IsRefused(string text, string name)
    {
        var error = Assert.Throws<Cql2UnknownQueryableException>(() => Translate(text));

        Assert.Equal(name, error.Name);
    }

    [Theory]
    [InlineData("eo:cloud_cover = 'ten'")]
    [InlineData("platform > 3")]
    [InlineData("marketplace:certified = 'true'")]
    [InlineData("datetime = '2020-01-01T00:00:00Z'")]
    [InlineData("datetime > 3")]
    [InlineData("datetime = INTERVAL('2020-01-01', '2020-01-02')")]
    [InlineData("geometry = POINT(1 2)")]
    [InlineData("instruments = ['msi']")]
    [InlineData("S_INTERSECTS(platform, POINT(1 2))")]
    [InlineData("S_INTERSECTS(geometry, datetime)")]
    [InlineData("T_DURING(datetime, 3)")]
    [InlineData("T_DURING(geometry, INTERVAL('2020-01-01', '..'))")]
    [InlineData("T_DURING(datetime, INTERVAL('2020-02-01', '2020-01-01'))")]
    [InlineData("T_DURING(datetime, INTERVAL(platform, '..'))")]
    [InlineData("A_CONTAINS(platform, ('a'))")]
    [InlineData("A_CONTAINS(instruments, (POINT(1 2)))")]
    [InlineData("eo:cloud_cover LIKE '1%'")]
    [InlineData("platform LIKE 3")]
    [InlineData("platform LIKE platform")]
    [InlineData("platform BETWEEN 1 AND 2")]
    [InlineData("eo:cloud_cover BETWEEN 'a' AND 2")]
    [InlineData("platform IN (1, 2)")]
    [InlineData("platform IN ('a', CASEI('b'))")]
    [InlineData("eo:cloud_cover IN (1, 'two')")]
    [InlineData("datetime IN (TIMESTAMP('2020-01-01T00:00:00Z'))")]
    [InlineData("CASEI(eo:cloud_cover) = CASEI('a')")]
    [InlineData("platform = S_INTERSECTS(geometry, POINT(1 2))")]
    public void Translate_TypeMismatch_IsRefused(string text)
    {
        var error = Assert.Throws<Cql2TypeException>(() => Translate(text));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Translate_TypeMismatch_NamesBothSides()
    {
        var error = Assert.Throws<Cql2TypeException>(() => Translate("eo:cloud_cover = 'ten'"));

        Assert.Equal("Cannot compare the number property 'eo:cloud_cover' with the string 'ten': their types differ", error.Message);
    }

    [Theory]
    [InlineData("ACCENTI(platform) = ACCENTI('Sentinel')")]
    [InlineData("platform LIKE ACCENTI('Sentinel%')")]
    [InlineData("platform IN (platform)")]
    [InlineData("'a' IS NULL")]
    public void Translate_UnsupportedConstructs_AreRefused(string text) =>
        Assert.Throws<Cql2NotSupportedException>(() => Translate(text));

    [Fact]
    public void Translate_LikePatternEndingWithTheEscapeCharacter_IsRefused()
    {
        using var document = JsonDocument.Parse("""{"op": "like", "args": [{"property": "platform"}, "abc\\"]}""");
        var filter = Cql2JsonParser.Parse(document.RootElement);

        Assert.Throws<Cql2SyntaxException>(() => new Cql2SqlTranslator(ItemQueryables.Columns).Translate(filter));
    }

    [Theory]
    [InlineData("platform = '''); DROP TABLE x; --'")]
    [InlineData("platform LIKE '%''); DROP TABLE x; --'")]
    [InlineData("platform IN ('a', '''); DROP TABLE x; --')")]
    [InlineData("CASEI(platform) IN (CASEI('''); DROP TABLE x; --'))")]
    [InlineData("A_CONTAINS(instruments, ('\"]''); DROP TABLE x; --'))")]
    [InlineData("A_OVERLAPS(instruments, ('''); DROP TABLE x; --'))")]
    public void Translate_InjectionAttempt_EndsUpOnlyInParameters(string text)
    {
        var fragment = Translate(text);

        Assert.DoesNotContain("DROP", fragment.Sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("--", fragment.Sql, StringComparison.Ordinal);
        Assert.Contains(fragment.Parameters, p => p switch
        {
            string s => s.Contains("DROP TABLE x", StringComparison.Ordinal),
            string[] a => a.Any(s => s.Contains("DROP TABLE x", StringComparison.Ordinal)),
            _ => false,
        });
    }

    [Fact]
    public void Translate_InjectionAttemptInCql2Json_EndsUpOnlyInParameters()
    {
        using var document = JsonDocument.Parse("""{"op": "=", "args": [{"property": "platform"}, "'); DROP TABLE x; --"]}""");

        var fragment = new Cql2SqlTranslator(ItemQueryables.Columns).Translate(Cql2JsonParser.Parse(document.RootElement));

        AssertSql($"{Platform} = $1", ["'); DROP TABLE x; --"], fragment);
    }
}
