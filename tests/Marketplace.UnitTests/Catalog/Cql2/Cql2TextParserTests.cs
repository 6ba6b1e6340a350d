using Marketplace.Catalog.Cql2;
using NetTopologySuite.Geometries;

namespace Marketplace.UnitTests.Catalog.Cql2;

public sealed class Cql2TextParserTests
{
    private static readonly PropertyReference A = new("a");
    private static readonly PropertyReference B = new("b");
    private static readonly PropertyReference C = new("c");

    private static ComparisonPredicate Eq(PropertyReference property, double value) =>
        new(ComparisonOperator.Equal, property, new NumberLiteral(value));

    [Fact]
    public void Parse_AndBindsTighterThanOr() =>
        Assert.Equal(
            new OrExpression([Eq(A, 1), new AndExpression([Eq(B, 2), Eq(C, 3)])]),
            Cql2TextParser.Parse("a = 1 OR b = 2 AND c = 3"));

    [Fact]
    public void Parse_NotBindsTighterThanAnd() =>
        Assert.Equal(
            new AndExpression([new NotExpression(Eq(A, 1)), Eq(B, 2)]),
            Cql2TextParser.Parse("NOT a = 1 AND b = 2"));

    [Fact]
    public void Parse_ParenthesesOverridePrecedence() =>
        Assert.Equal(
            new AndExpression([new OrExpression([Eq(A, 1), Eq(B, 2)]), Eq(C, 3)]),
            Cql2TextParser.Parse("(a = 1 OR b = 2) AND c = 3"));

    [Fact]
    public void Parse_ChainOfAnds_IsOneNodeLikeCql2Json() =>
        Assert.Equal(
            new AndExpression([Eq(A, 1), Eq(B, 2), Eq(C, 3)]),
            Cql2TextParser.Parse("a = 1 AND b = 2 AND c = 3"));

    [Fact]
    public void Parse_ParenthesisedAnd_StaysNested() =>
        Assert.Equal(
            new AndExpression([new AndExpression([Eq(A, 1), Eq(B, 2)]), Eq(C, 3)]),
            Cql2TextParser.Parse("(a = 1 AND b = 2) AND c = 3"));

    [Fact]
    public void Parse_KeywordsAreCaseInsensitive() =>
        Assert.Equal(
            Cql2TextParser.Parse("a = 1 AND NOT b = 2 OR c IS NOT NULL AND S_INTERSECTS(g, POINT(1 2))"),
            Cql2TextParser.Parse("a = 1 and not b = 2 Or c is not null aNd s_intersects(g, point(1 2))"));

    [Fact]
    public void Parse_DoubleNegation_Nests() =>
        Assert.Equal(new NotExpression(new NotExpression(Eq(A, 1))), Cql2TextParser.Parse("NOT NOT a = 1"));

    [Theory]
    [InlineData("a = 1", ComparisonOperator.Equal)]
    [InlineData("a <> 1", ComparisonOperator.NotEqual)]
    [InlineData("a < 1", ComparisonOperator.LessThan)]
    [InlineData("a <= 1", ComparisonOperator.LessThanOrEqual)]
    [InlineData("a > 1", ComparisonOperator.GreaterThan)]
    [InlineData("a >= 1", ComparisonOperator.GreaterThanOrEqual)]
    [InlineData("a>=1", ComparisonOperator.GreaterThanOrEqual)]
    public void Parse_ComparisonOperators(string text, ComparisonOperator expected) =>
        Assert.Equal(new ComparisonPredicate(expected, A, new NumberLiteral(1)), Cql2TextParser.Parse(text));

    [Theory]
    [InlineData("a = -3.5", -3.5)]
    [InlineData("a = +2", 2)]
    [InlineData("a = .5", 0.5)]
    [InlineData("a = 1.5E3", 1500)]
    [InlineData("a = 2e-2", 0.02)]
    public void Parse_NumericLiterals(string text, double expected) =>
        Assert.Equal(new ComparisonPredicate(ComparisonOperator.Equal, A, new NumberLiteral(expected)), Cql2TextParser.Parse(text));

    [Theory]
    [InlineData("a = 'it''s'", "it's")]
    [InlineData(@"a = 'it\'s'", "it's")]
    [InlineData("a = ''", "")]
    [InlineData(@"a = 'C:\temp'", @"C:\temp")]
    public void Parse_StringLiterals_UnescapeQuotes(string text, string expected) =>
        Assert.Equal(new ComparisonPredicate(ComparisonOperator.Equal, A, new StringLiteral(expected)), Cql2TextParser.Parse(text));

    [Fact]
    public void Parse_DoubleQuotedIdentifier_IsAPropertyEvenWhenAKeyword() =>
        Assert.Equal(
            new ComparisonPredicate(ComparisonOperator.Equal, new PropertyReference("date"), new StringLiteral("x")),
            Cql2TextParser.Parse("\"date\" = 'x'"));

    [Fact]
    public void Parse_IdentifiersWithColonsAndDots() =>
        Assert.Equal(
            new ComparisonPredicate(ComparisonOperator.LessThan, new PropertyReference("eo:cloud_cover"), new PropertyReference("a.b")),
            Cql2TextParser.Parse("eo:cloud_cover < a.b"));

    [Theory]
    [InlineData("a NOT LIKE 'x%'")]
    [InlineData("a NOT BETWEEN 1 AND 2")]
    [InlineData("a NOT IN (1, 2)")]
    [InlineData("a IS NOT NULL")]
    public void Parse_NegatedForms_WrapThePositivePredicateInNot(string text)
    {
        var parsed = Assert.IsType<NotExpression>(Cql2TextParser.Parse(text));

        Assert.Equal(Cql2TextParser.Parse(text.Replace("NOT ", "", StringComparison.Ordinal)), parsed.Arg);
    }

    [Fact]
    public void Parse_Between_KeepsItsAndApartFromTheLogicalAnd() =>
        Assert.Equal(
            new AndExpression([new BetweenPredicate(A, new NumberLiteral(-1), new NumberLiteral(1)), Eq(B, 2)]),
            Cql2TextParser.Parse("a BETWEEN -1 AND 1 AND b = 2"));

    [Fact]
    public void Parse_BooleanLiteral_IsAFilter()
    {
        Assert.Equal(new BooleanLiteral(true), Cql2TextParser.Parse("TRUE"));
        Assert.Equal(new ComparisonPredicate(ComparisonOperator.Equal, A, new BooleanLiteral(false)), Cql2TextParser.Parse("a = false"));
    }

    [Fact]
    public void Parse_Timestamp_Date_AndInterval()
    {
        var parsed = Cql2TextParser.Parse(
            "T_DURING(INTERVAL('1969-07-20T20:17:40.5Z', '..'), INTERVAL(DATE_PROPERTY, '1969-07-24')) AND b > TIMESTAMP('1969-07-20T20:17:40Z') AND c = DATE('1969-07-20')");

        Assert.Equal(
            new AndExpression(
            [
                new TemporalPredicate(
                    TemporalOperator.During,
                    new IntervalLiteral(new TimestampLiteral(new DateTimeOffset(1969, 7, 20, 20, 17, 40, 500, TimeSpan.Zero)), new OpenIntervalEnd()),
                    new IntervalLiteral(new PropertyReference("DATE_PROPERTY"), new DateLiteral(new DateOnly(1969, 7, 24)))),
                new ComparisonPredicate(ComparisonOperator.GreaterThan, B, new TimestampLiteral(new DateTimeOffset(1969, 7, 20, 20, 17, 40, TimeSpan.Zero))),
                new ComparisonPredicate(ComparisonOperator.Equal, C, new DateLiteral(new DateOnly(1969, 7, 20))),
            ]),
            parsed);
    }

    [Fact]
    public void Parse_Wkt_HasSrid4326()
    {
        var parsed = Assert.IsType<SpatialPredicate>(Cql2TextParser.Parse("S_WITHIN(geometry, POLYGON((0 0, 10 0, 10 10, 0 10, 0 0)))"));

        var literal = Assert.IsType<GeometryLiteral>(parsed.Right);
        Assert.IsType<Polygon>(literal.Value);
        Assert.Equal(4326, literal.Value.SRID);
        Assert.Equal(100, literal.Value.Area);
    }

    [Fact]
    public void Parse_WktWithNegativeCoordinatesAndZ()
    {
        var parsed = Assert.IsType<SpatialPredicate>(Cql2TextParser.Parse("S_INTERSECTS(geometry,POINT Z(-1.5 -2 3))"));

        var point = Assert.IsType<Point>(Assert.IsType<GeometryLiteral>(parsed.Right).Value);
        Assert.Equal((-1.5, -2.0, 3.0), (point.X, point.Y, point.Z));
    }

    [Fact]
    public void Parse_Bbox_IsThePolygonOfTheBox()
    {
        var bbox = Cql2TextParser.Parse("S_INTERSECTS(geometry, BBOX(-10, 40, 10, 50))");
        var polygon = Cql2TextParser.Parse("S_INTERSECTS(geometry, POLYGON((-10 40, 10 40, 10 50, -10 50, -10 40)))");

        Assert.Equal(polygon, bbox);
    }

    [Fact]
    public void Parse_Bbox3D_UsesTheHorizontalCorners() =>
        Assert.Equal(
            Cql2TextParser.Parse("S_INTERSECTS(geometry, BBOX(-10, 40, 10, 50))"),
            Cql2TextParser.Parse("S_INTERSECTS(geometry, BBOX(-10, 40, -100, 10, 50, 100))"));

    [Theory]
    [InlineData("A_CONTAINS(instruments, ('msi', 'oli'))")]
    [InlineData("A_CONTAINS(instruments, ['msi', 'oli'])")]
    public void Parse_ArrayLiterals_InParenthesesOrBrackets(string text) =>
        Assert.Equal(
            new ArrayPredicate(ArrayOperator.Contains, new PropertyReference("instruments"), new ArrayLiteral([new StringLiteral("msi"), new StringLiteral("oli")])),
            Cql2TextParser.Parse(text));

    [Fact]
    public void Parse_NestedAndEmptyArrays() =>
        Assert.Equal(
            new ArrayPredicate(
                ArrayOperator.Equals,
                new ArrayLiteral([new ArrayLiteral([new NumberLiteral(1)]), new ArrayLiteral([])]),
                new ArrayLiteral([])),
            Cql2TextParser.Parse("A_EQUALS(((1), ()), ())"));

    [Fact]
    public void Parse_CaseiAndAccenti()
    {
        Assert.Equal(
            new LikePredicate(new CaseInsensitive(new PropertyReference("platform")), new CaseInsensitive(new StringLiteral("SENTINEL%"))),
            Cql2TextParser.Parse("CASEI(platform) LIKE CASEI('SENTINEL%')"));
        Assert.Equal(
            new ComparisonPredicate(ComparisonOperator.Equal, new AccentInsensitive(new PropertyReference("etat_vol")), new AccentInsensitive(new StringLiteral("débárquér"))),
            Cql2TextParser.Parse("ACCENTI(etat_vol) = ACCENTI('débárquér')"));
    }

    [Theory]
    [InlineData("eo:cloud_cover < ", 18)]                  // at the end: one past the last character
    [InlineData("foo = = 3", 7)]                           // the second '='
    [InlineData("", 1)]
    [InlineData("a = 1 AND", 10)]
    [InlineData("a = 1 b = 2", 7)]
    [InlineData("a = 'unterminated", 5)]
    [InlineData("\"unterminated = 1", 1)]
    [InlineData("a = 1;", 6)]
    [InlineData("a IN (1, 2", 11)]
    [InlineData("a", 2)]
    [InlineData("(a = 1", 7)]
    [InlineData("a = 1)", 6)]
    [InlineData("a NOT = 1", 7)]
    [InlineData("a = AND", 5)]
    [InlineData("a IS NOT 1", 10)]
    [InlineData("a BETWEEN 1 OR 2", 13)]
    [InlineData("d > TIMESTAMP('2020-01-01')", 15)]
    [InlineData("d > TIMESTAMP(\"2020-01-01T00:00:00Z\")", 15)]
    [InlineData("d = DATE('2020-13-01')", 10)]
    [InlineData("T_INTERSECTS(d, INTERVAL('2020-01-01', 'soon'))", 40)]
    [InlineData("S_INTERSECTS(geometry, POLYGON((0 0, 1 1)))", 24)]
    [InlineData("S_INTERSECTS(geometry, POINT(1 2)", 34)]
    [InlineData("S_INTERSECTS(geometry, BBOX(1, 2, 3))", 24)]
    [InlineData("S_INTERSECTS(geometry, BBOX(170, 0, -170, 10))", 24)]
    [InlineData("S_INTERSECTS(geometry)", 22)]
    [InlineData("a = 12abc", 5)]
    public void Parse_SyntaxError_ReportsThePositionOfTheOffendingToken(string text, int position)
    {
        var error = Assert.Throws<Cql2SyntaxException>(() => Cql2TextParser.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SyntaxError_SaysWhatWasExpectedAndFound()
    {
        var error = Assert.Throws<Cql2SyntaxException>(() => Cql2TextParser.Parse("foo = = 3"));

        Assert.Equal("Expected an operand (a property, a literal or a function such as S_INTERSECTS) but found '=' (at position 7)", error.Message);
    }

    [Theory]
    [InlineData(10_000, 0)]
    [InlineData(0, 10_000)]
    public void Parse_HostileNesting_IsASyntaxErrorNotAStackOverflow(int nots, int parentheses)
    {
        var text = string.Concat(Enumerable.Repeat("NOT ", nots)) + new string('(', parentheses) + "a = 1" + new string(')', parentheses);

        var error = Assert.Throws<Cql2SyntaxException>(() => Cql2TextParser.Parse(text));

        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepButReasonableNesting_Parses() =>
        Assert.IsType<NotExpression>(Cql2TextParser.Parse(string.Concat(Enumerable.Repeat("NOT (", 40)) + "a = 1" + new string(')', 40)));

    [Theory]
    [InlineData("avg(windSpeed) < 4")]
    [InlineData("balance-150.0 > 0")]
    [InlineData("balance - 150.0 > 0")]
    [InlineData("vehicle_height > (bridge_clearance-1)")]
    [InlineData("S_WITHIN(road,Buffer(geometry,10,'m'))")]
    [InlineData("a = 1 + 2")]
    public void Parse_FunctionsAndArithmetic_AreRefusedAsNotSupported(string text) =>
        Assert.Throws<Cql2NotSupportedException>(() => Cql2TextParser.Parse(text));
}
