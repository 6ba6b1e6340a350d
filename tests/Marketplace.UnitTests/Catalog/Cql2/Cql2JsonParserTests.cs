using System.Text.Json;
using Marketplace.Catalog.Cql2;
using NetTopologySuite.Geometries;

namespace Marketplace.UnitTests.Catalog.Cql2;

public sealed class Cql2JsonParserTests
{
    private static Cql2Expression Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Cql2JsonParser.Parse(document.RootElement);
    }

    [Fact]
    public void Parse_BooleanLiteral_IsAFilter() => Assert.Equal(new BooleanLiteral(true), Parse("true"));

    [Fact]
    public void Parse_OperatorNames_AreCaseInsensitive() =>
        Assert.Equal(
            Parse("""{"op": "t_finishedBy", "args": [{"property": "datetime"}, {"timestamp": "2020-01-01T00:00:00Z"}]}"""),
            Parse("""{"op": "T_FINISHEDBY", "args": [{"property": "datetime"}, {"timestamp": "2020-01-01T00:00:00Z"}]}"""));

    [Fact]
    public void Parse_GeoJsonGeometry_HasSrid4326()
    {
        var parsed = Assert.IsType<SpatialPredicate>(Parse(
            """{"op": "s_intersects", "args": [{"property": "geometry"}, {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}]}"""));

        var literal = Assert.IsType<GeometryLiteral>(parsed.Right);
        Assert.IsType<LineString>(literal.Value);
        Assert.Equal(4326, literal.Value.SRID);
    }

    [Fact]
    public void Parse_Bbox_IsThePolygonOfTheBox() =>
        Assert.Equal(
            Parse("""{"op": "s_intersects", "args": [{"property": "geometry"}, {"type": "Polygon", "coordinates": [[[-10, 40], [10, 40], [10, 50], [-10, 50], [-10, 40]]]}]}"""),
            Parse("""{"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [-10, 40, 10, 50]}]}"""));

    [Fact]
    public void Parse_IntervalEnds_DatesTimestampsOpenEndsAndProperties() =>
        Assert.Equal(
            new IntervalLiteral(new DateLiteral(new DateOnly(2019, 9, 9)), new OpenIntervalEnd()),
            Assert.IsType<TemporalPredicate>(Parse("""{"op": "t_intersects", "args": [{"property": "datetime"}, {"interval": ["2019-09-09", ".."]}]}""")).Right);

    [Theory]
    [InlineData("""{"op": "=", "args": [{"property": "a"}]}""", "$.args")]
    [InlineData("""{"op": "and", "args": [{"op": "=", "args": [{"property": "a"}, 1]}]}""", "$.args")]
    [InlineData("""{"op": "and", "args": [{"op": "=", "args": [{"property": "a"}, 1]}, {"property": "b"}]}""", "$.args[1]")]
    [InlineData("""{"op": "or", "args": [true, {"op": "not", "args": [{"op": "isNull", "args": [{"property": "a"}, 2]}]}]}""", "$.args[1].args[0].args")]
    [InlineData("""{"op": "="}""", "$")]
    [InlineData("""{"op": 3, "args": []}""", "$.op")]
    [InlineData("""{"op": "=", "args": [{"property": ""}, 1]}""", "$.args[0].property")]
    [InlineData("""{"op": "=", "args": [{"property": "a"}, {"timestamp": "2020-01-01"}]}""", "$.args[1].timestamp")]
    [InlineData("""{"op": "=", "args": [{"property": "a"}, {"date": "2020-01-01T00:00:00Z"}]}""", "$.args[1].date")]
    [InlineData("""{"op": "t_after", "args": [{"property": "a"}, {"interval": ["2020-01-01"]}]}""", "$.args[1].interval")]
    [InlineData("""{"op": "t_after", "args": [{"property": "a"}, {"interval": ["2020-01-01", "later"]}]}""", "$.args[1].interval[1]")]
    [InlineData("""{"op": "s_within", "args": [{"property": "a"}, {"bbox": [1, 2, "3", 4]}]}""", "$.args[1].bbox[2]")]
    [InlineData("""{"op": "s_within", "args": [{"property": "a"}, {"bbox": [1, 2, 3]}]}""", "$.args[1].bbox")]
    [InlineData("""{"op": "s_within", "args": [{"property": "a"}, {"type": "Circle", "coordinates": [1, 2]}]}""", "$.args[1].type")]
    [InlineData("""{"op": "s_within", "args": [{"property": "a"}, {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}]}""", "$.args[1]")]
    [InlineData("""{"op": "in", "args": [{"property": "a"}, 1]}""", "$.args[1]")]
    [InlineData("""{"op": "=", "args": [{"property": "a"}, {"unknown": 1}]}""", "$.args[1]")]
    [InlineData("""{"op": "=", "args": [{"property": "a"}, null]}""", "$.args[1]")]
    [InlineData("""{"property": "a"}""", "$")]
    [InlineData("\"a\"", "$")]
    public void Parse_SyntaxError_NamesTheJsonPath(string json, string path)
    {
        var error = Assert.Throws<Cql2SyntaxException>(() => Parse(json));

        Assert.Equal(path, error.JsonPath);
        Assert.EndsWith($"(at {path})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostileNesting_IsASyntaxErrorNotAStackOverflow()
    {
        var json = string.Concat(Enumerable.Repeat("""{"op": "not", "args": [""", 500)) + "true" + string.Concat(Enumerable.Repeat("]}", 500));
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 2_000 });

        var error = Assert.Throws<Cql2SyntaxException>(() => Cql2JsonParser.Parse(document.RootElement));

        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"op": ">", "args": [{"property": "a"}, {"op": "-", "args": [{"property": "b"}, 1]}]}""")]
    [InlineData("""{"op": "<", "args": [{"op": "avg", "args": [{"property": "windSpeed"}]}, 4]}""")]
    [InlineData("""{"op": "s_within", "args": [{"property": "road"}, {"function": {"name": "Buffer", "args": [{"property": "geometry"}, 10, "m"]}}]}""")]
    public void Parse_FunctionsAndArithmetic_AreRefusedAsNotSupported(string json) =>
        Assert.Throws<Cql2NotSupportedException>(() => Parse(json));
}
