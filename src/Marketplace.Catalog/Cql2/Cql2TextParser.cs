using System.Globalization;
using NetTopologySuite.IO;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A recursive-descent parser for cql2-text, the text encoding of OGC 21-065r2 CQL2 (clause 8, grammar in Annex B).
/// Keywords are case-insensitive; precedence is NOT over AND over OR; parentheses group. Supported: the comparison,
/// LIKE, BETWEEN, IN and IS NULL predicates, CASEI/ACCENTI, spatial (WKT and BBOX literals), temporal (TIMESTAMP,
/// DATE, INTERVAL) and array predicates. Not supported: custom functions and arithmetic (requirements classes
/// "Functions" and "Arithmetic Expressions").
/// </summary>
public static class Cql2TextParser
{
    /// <summary>Parses a cql2-text filter.</summary>
    /// <exception cref="Cql2SyntaxException">The text is not valid cql2-text; <see cref="Cql2SyntaxException.Position"/> is 1-based.</exception>
    /// <exception cref="Cql2NotSupportedException">The text uses functions or arithmetic.</exception>
    public static Cql2Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text, Cql2TextLexer.Tokenize(text));
        return parser.ParseFilter();
    }

    private sealed class Parser(string text, List<Cql2Token> tokens)
    {
        private static readonly string[] ReservedWords = ["AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL"];

        private static readonly string[] GeometryTags =
            ["POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"];

        /// <summary>Nesting levels allowed (NOT, parentheses, function arguments, arrays): far beyond any real filter.</summary>
        private const int MaxDepth = 100;

        private int _index;

        private int _depth;

        private Cql2Token Current => tokens[_index];

        private Cql2Token Next => tokens[Math.Min(_index + 1, tokens.Count - 1)];

        public Cql2Expression ParseFilter()
        {
            if (Current.Kind == Cql2TokenKind.End)
            {
                throw new Cql2SyntaxException("The filter is empty", Current.Position);
            }
            var filter = ParseOr();
            if (Current.Kind != Cql2TokenKind.End)
            {
                throw Unexpected("AND, OR or the end of the filter");
            }
            return filter;
        }

        private Cql2Expression ParseOr()
        {
            var terms = new List<Cql2Expression> { ParseAnd() };
            while (Current.IsKeyword("OR"))
            {
                Advance();
                terms.Add(ParseAnd());
            }
            return terms.Count == 1 ? terms[0] : new OrExpression(terms);
        }

        private Cql2Expression ParseAnd()
        {
            var factors = new List<Cql2Expression> { ParseNot() };
            while (Current.IsKeyword("AND"))
            {
                Advance();
                factors.Add(ParseNot());
            }
            return factors.Count == 1 ? factors[0] : new AndExpression(factors);
        }

        private Cql2Expression ParseNot()
        {
            Enter();
            Cql2Expression result;
            if (Current.IsKeyword("NOT"))
            {
                Advance();
                result = new NotExpression(ParseNot());
            }
            else
            {
                result = ParsePrimary();
            }
            _depth--;
            return result;
        }

        /// <summary>Bounds the recursion, so that a hostile filter gets a syntax error rather than a stack overflow.</summary>
        private void Enter()
        {
            if (++_depth > MaxDepth)
            {
                throw new Cql2SyntaxException($"The filter is nested more than {MaxDepth} levels deep", Current.Position);
            }
        }

        private Cql2Expression ParsePrimary()
        {
            if (Current.Kind == Cql2TokenKind.LeftParen)
            {
                Advance();
                var inner = ParseOr();
                Expect(Cql2TokenKind.RightParen, "')'");
                return inner;
            }
            var start = Current;
            var left = ParseOperand();
            return ParsePredicateTail(left, start);
        }

        /// <summary>What follows the first operand of a predicate: a comparison, [NOT] LIKE/BETWEEN/IN, IS [NOT] NULL.</summary>
        private Cql2Expression ParsePredicateTail(Cql2Expression left, Cql2Token start)
        {
            if (TryComparisonOperator(Current.Kind, out var comparison))
            {
                Advance();
                return new ComparisonPredicate(comparison, left, ParseOperand());
            }
            var negated = false;
            if (Current.IsKeyword("NOT"))
            {
                negated = true;
                Advance();
                if (!Current.IsKeyword("LIKE") && !Current.IsKeyword("BETWEEN") && !Current.IsKeyword("IN"))
                {
                    throw Unexpected("LIKE, BETWEEN or IN after NOT");
                }
            }
            Cql2Expression predicate;
            if (Current.IsKeyword("LIKE"))
            {
                Advance();
                predicate = new LikePredicate(left, ParseOperand());
            }
            else if (Current.IsKeyword("BETWEEN"))
            {
                Advance();
                var low = ParseOperand();
                ExpectKeyword("AND");
                predicate = new BetweenPredicate(left, low, ParseOperand());
            }
            else if (Current.IsKeyword("IN"))
            {
                Advance();
                Expect(Cql2TokenKind.LeftParen, "'(' to open the IN list");
                var items = new List<Cql2Expression> { ParseOperand() };
                while (Current.Kind == Cql2TokenKind.Comma)
                {
                    Advance();
                    items.Add(ParseOperand());
                }
                Expect(Cql2TokenKind.RightParen, "',' or ')' in the IN list");
                predicate = new InPredicate(left, items);
            }
            else if (Current.IsKeyword("IS"))
            {
                Advance();
                if (Current.IsKeyword("NOT"))
                {
                    negated = true;
                    Advance();
                }
                ExpectKeyword("NULL");
                predicate = new IsNullPredicate(left);
            }
            else if (left is SpatialPredicate or TemporalPredicate or ArrayPredicate or BooleanLiteral)
            {
                return left;
            }
            else
            {
                if (Current.Kind == Cql2TokenKind.Arithmetic)
                {
                    throw NotSupported("Arithmetic expressions are not supported", Current);
                }
                throw Unexpected($"a comparison operator, LIKE, BETWEEN, IN or IS NULL after {start.Describe()}");
            }
            return negated ? new NotExpression(predicate) : predicate;
        }

        private Cql2Expression ParseOperand()
        {
            Enter();
            var operand = ParseOperandCore();
            _depth--;
            return operand;
        }

        private Cql2Expression ParseOperandCore()
        {
            var token = Current;
            switch (token.Kind)
            {
                case Cql2TokenKind.String:
                    Advance();
                    return new StringLiteral(token.Text);
                case Cql2TokenKind.Number:
                    Advance();
                    return new NumberLiteral(ParseNumber(token));
                case Cql2TokenKind.QuotedIdentifier:
                    Advance();
                    return new PropertyReference(token.Text);
                case Cql2TokenKind.LeftBracket:
                    return ParseArray();
                case Cql2TokenKind.Identifier:
                    return ParseIdentifierOperand(token);
                case Cql2TokenKind.Arithmetic:
                    throw NotSupported("Arithmetic expressions are not supported", token);
                case Cql2TokenKind.LeftParen:
                    throw NotSupported("Parenthesised arithmetic expressions are not supported", token);
                case Cql2TokenKind.End:
                    throw Unexpected("an operand");
                default:
                    throw Unexpected("an operand (a property, a literal or a function such as S_INTERSECTS)");
            }
        }

        private Cql2Expression ParseIdentifierOperand(Cql2Token token)
        {
            var name = token.Text.ToUpperInvariant();
            if (name is "TRUE" or "FALSE")
            {
                Advance();
                return new BooleanLiteral(name == "TRUE");
            }
            if (ReservedWords.Contains(name))
            {
                throw Unexpected("an operand");
            }
            if (GeometryTags.Contains(name)
                && (Next.Kind == Cql2TokenKind.LeftParen || (Next.IsKeyword("Z") && tokens[Math.Min(_index + 2, tokens.Count - 1)].Kind == Cql2TokenKind.LeftParen)))
            {
                return ParseWkt(token);
            }
            if (Next.Kind != Cql2TokenKind.LeftParen)
            {
                Advance();
                return new PropertyReference(token.Text);
            }
            if (name.StartsWith("S_", StringComparison.Ordinal) && TrySpatialOperator(name, out var spatial))
            {
                Advance();
                var (left, right) = ParseTwoArguments(ParseOperand);
                return new SpatialPredicate(spatial, left, right);
            }
            if (name.StartsWith("T_", StringComparison.Ordinal) && TryTemporalOperator(name, out var temporal))
            {
                Advance();
                var (left, right) = ParseTwoArguments(ParseOperand);
                return new TemporalPredicate(temporal, left, right);
            }
            if (name.StartsWith("A_", StringComparison.Ordinal) && TryArrayOperator(name, out var array))
            {
                Advance();
                var (left, right) = ParseTwoArguments(ParseArrayOperand);
                return new ArrayPredicate(array, left, right);
            }
            switch (name)
            {
                case "CASEI":
                    Advance();
                    return new CaseInsensitive(ParseOneArgument(ParseOperand));
                case "ACCENTI":
                    Advance();
                    return new AccentInsensitive(ParseOneArgument(ParseOperand));
                case "TIMESTAMP":
                    Advance();
                    return new TimestampLiteral(ParseOneArgument(() => ReadTimestamp(ExpectInstantString("TIMESTAMP"))));
                case "DATE":
                    Advance();
                    return new DateLiteral(ParseOneArgument(() => ReadDate(ExpectInstantString("DATE"))));
                case "INTERVAL":
                    Advance();
                    var (start, end) = ParseTwoArguments(ParseIntervalEnd);
                    return new IntervalLiteral(start, end);
                case "BBOX":
                    Advance();
                    return ParseBoundingBox(token);
                default:
                    throw NotSupported($"The function '{token.Text}' is not supported: this server implements no CQL2 custom functions", token);
            }
        }

        private Cql2Expression ParseArrayOperand() =>
            Current.Kind is Cql2TokenKind.LeftParen or Cql2TokenKind.LeftBracket ? ParseArray() : ParseOperand();

        private ArrayLiteral ParseArray()
        {
            Enter();
            var array = ParseArrayCore();
            _depth--;
            return array;
        }

        private ArrayLiteral ParseArrayCore()
        {
            var close = Current.Kind == Cql2TokenKind.LeftParen ? Cql2TokenKind.RightParen : Cql2TokenKind.RightBracket;
            var closeText = close == Cql2TokenKind.RightParen ? "')'" : "']'";
            Advance();
            var items = new List<Cql2Expression>();
            if (Current.Kind == close)
            {
                Advance();
                return new ArrayLiteral(items);
            }
            items.Add(ParseArrayOperand());
            while (Current.Kind == Cql2TokenKind.Comma)
            {
                Advance();
                items.Add(ParseArrayOperand());
            }
            Expect(close, $"',' or {closeText} in the array");
            return new ArrayLiteral(items);
        }

        private Cql2Expression ParseIntervalEnd()
        {
            var token = Current;
            switch (token.Kind)
            {
                case Cql2TokenKind.String when token.Text == Cql2Instants.Unbounded:
                    Advance();
                    return new OpenIntervalEnd();
                case Cql2TokenKind.String when Cql2Instants.IsDate(token.Text):
                    Advance();
                    return new DateLiteral(ReadDate(token));
                case Cql2TokenKind.String:
                    Advance();
                    return new TimestampLiteral(ReadTimestamp(token));
                case Cql2TokenKind.QuotedIdentifier:
                    Advance();
                    return new PropertyReference(token.Text);
                case Cql2TokenKind.Identifier when !ReservedWords.Contains(token.Text.ToUpperInvariant()) && Next.Kind != Cql2TokenKind.LeftParen:
                    Advance();
                    return new PropertyReference(token.Text);
                default:
                    throw Unexpected("a date or timestamp string, '..' or a property as an INTERVAL end");
            }
        }

        private GeometryLiteral ParseBoundingBox(Cql2Token keyword)
        {
            Expect(Cql2TokenKind.LeftParen, "'(' after BBOX");
            var values = new List<double> { ParseNumber(Expect(Cql2TokenKind.Number, "a number in BBOX")) };
            while (Current.Kind == Cql2TokenKind.Comma)
            {
                Advance();
                values.Add(ParseNumber(Expect(Cql2TokenKind.Number, "a number in BBOX")));
            }
            Expect(Cql2TokenKind.RightParen, "',' or ')' in BBOX");
            var polygon = Cql2Geometry.FromBoundingBox(values, out var error)
                ?? throw new Cql2SyntaxException(error!, keyword.Position);
            return new GeometryLiteral(polygon);
        }

        /// <summary>
        /// Well-known text: the tokens from the geometry tag to its matching parenthesis are handed, as written, to the
        /// NetTopologySuite WKT reader.
        /// </summary>
        private GeometryLiteral ParseWkt(Cql2Token tag)
        {
            Advance();
            if (Current.IsKeyword("Z"))
            {
                Advance();
            }
            Expect(Cql2TokenKind.LeftParen, $"'(' after {tag.Text}");
            var depth = 1;
            while (depth > 0)
            {
                switch (Current.Kind)
                {
                    case Cql2TokenKind.LeftParen:
                        depth++;
                        break;
                    case Cql2TokenKind.RightParen:
                        depth--;
                        break;
                    case Cql2TokenKind.End:
                        throw new Cql2SyntaxException($"The {tag.Text} geometry is missing a ')'", Current.Position);
                    case Cql2TokenKind.Number or Cql2TokenKind.Comma or Cql2TokenKind.Identifier or Cql2TokenKind.Arithmetic:
                        break;
                    default:
                        throw Unexpected($"coordinates in the {tag.Text} geometry");
                }
                if (depth > 0)
                {
                    Advance();
                }
            }
            var close = Current;
            Advance();
            var wkt = text[tag.Offset..(close.Offset + 1)];
            try
            {
                return new GeometryLiteral(Cql2Geometry.ReadWkt(wkt));
            }
            catch (Exception ex) when (ex is ParseException or ArgumentException or InvalidOperationException or FormatException)
            {
                throw new Cql2SyntaxException($"Invalid {tag.Text.ToUpperInvariant()} geometry: {ex.Message}", tag.Position);
            }
        }

        private T ParseOneArgument<T>(Func<T> argument)
        {
            Expect(Cql2TokenKind.LeftParen, "'('");
            var value = argument();
            Expect(Cql2TokenKind.RightParen, "')'");
            return value;
        }

        private (Cql2Expression First, Cql2Expression Second) ParseTwoArguments(Func<Cql2Expression> argument)
        {
            Expect(Cql2TokenKind.LeftParen, "'('");
            var first = argument();
            Expect(Cql2TokenKind.Comma, "','");
            var second = argument();
            Expect(Cql2TokenKind.RightParen, "')'");
            return (first, second);
        }

        private Cql2Token ExpectInstantString(string function) =>
            Current.Kind == Cql2TokenKind.String ? Advance() : throw Unexpected($"a single-quoted string in {function}(...)");

        private static DateTimeOffset ReadTimestamp(Cql2Token token) =>
            Cql2Instants.TryParseTimestamp(token.Text, out var timestamp)
                ? timestamp
                : throw new Cql2SyntaxException($"'{token.Text}' is not a UTC timestamp such as '1969-07-20T20:17:40Z'", token.Position);

        private static DateOnly ReadDate(Cql2Token token) =>
            Cql2Instants.TryParseDate(token.Text, out var date)
                ? date
                : throw new Cql2SyntaxException($"'{token.Text}' is not a date such as '1969-07-20'", token.Position);

        private static double ParseNumber(Cql2Token token)
        {
            var value = double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsFinite(value)
                ? value
                : throw new Cql2SyntaxException($"The number {token.Text} is out of range", token.Position);
        }

        private Cql2Token Advance()
        {
            var token = Current;
            if (_index < tokens.Count - 1)
            {
                _index++;
            }
            return token;
        }

        private Cql2Token Expect(Cql2TokenKind kind, string what) => Current.Kind == kind ? Advance() : throw Unexpected(what);

        private void ExpectKeyword(string keyword)
        {
            if (!Current.IsKeyword(keyword))
            {
                throw Unexpected(keyword);
            }
            Advance();
        }

        private Cql2Exception Unexpected(string expected) =>
            Current.Kind == Cql2TokenKind.Arithmetic
                ? NotSupported("Arithmetic expressions are not supported", Current)
                : new Cql2SyntaxException($"Expected {expected} but found {Current.Describe()}", Current.Position);

        private static Cql2NotSupportedException NotSupported(string message, Cql2Token token) =>
            new($"{message} (at position {token.Position})");

        private static bool TryComparisonOperator(Cql2TokenKind kind, out ComparisonOperator op)
        {
            (var found, op) = kind switch
            {
                Cql2TokenKind.Equal => (true, ComparisonOperator.Equal),
                Cql2TokenKind.NotEqual => (true, ComparisonOperator.NotEqual),
                Cql2TokenKind.Less => (true, ComparisonOperator.LessThan),
                Cql2TokenKind.LessOrEqual => (true, ComparisonOperator.LessThanOrEqual),
                Cql2TokenKind.Greater => (true, ComparisonOperator.GreaterThan),
                Cql2TokenKind.GreaterOrEqual => (true, ComparisonOperator.GreaterThanOrEqual),
                _ => (false, default),
            };
            return found;
        }

        private static bool TrySpatialOperator(string name, out SpatialOperator op) =>
            Cql2OperatorNames.Spatial.TryGetValue(name, out op);

        private static bool TryTemporalOperator(string name, out TemporalOperator op) =>
            Cql2OperatorNames.Temporal.TryGetValue(name, out op);

        private static bool TryArrayOperator(string name, out ArrayOperator op) =>
            Cql2OperatorNames.Array.TryGetValue(name, out op);
    }
}
