using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Translates a CQL2 filter (OGC 21-065r2 CQL2, clauses 6 and 7) into a parameterised PostgreSQL/PostGIS boolean
/// expression over the items table. This is the only code that writes SQL for a filter: properties become the trusted
/// expressions of <see cref="IQueryableColumns"/>, every literal becomes a parameter (<c>$1, $2, …</c>), and
/// operand types are checked so that, e.g., a string is never compared with a number.
/// </summary>
/// <remarks>
/// <para>Translation rules:</para>
/// <list type="bullet">
/// <item>Comparisons, LIKE (CQL2's <c>%</c>, <c>_</c> and <c>\</c> are PostgreSQL's defaults), BETWEEN and IS NULL map
/// to the SQL operators; CASEI(x) becomes <c>lower(x)</c>; IN becomes <c>= ANY($n)</c> with a typed array.
/// Parameters are <see cref="string"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="DateTimeOffset"/> (UTC),
/// arrays of those, or NetTopologySuite <see cref="Geometry"/> (SRID 4326).</item>
/// <item>Spatial functions map to the PostGIS function of the same DE-9IM relation (<c>ST_Intersects</c>, …), argument
/// order kept. Antimeridian-crossing geometries are the caller's concern.</item>
/// <item>Temporal operands are closed intervals [start, end]: an instant has start = end, a DATE is its whole UTC day
/// (to the microsecond), an interval property has two columns, and <c>'..'</c> is unbounded, which the translator
/// folds away at translation time. Temporal functions follow the relations table of clause 7 ("Temporal Functions",
/// OWL-Time): e.g. T_INTERSECTS is <c>a.start &lt;= b.end AND a.end &gt;= b.start</c>. Binary comparisons of
/// temporal values read the same way: <c>&lt;</c> is T_BEFORE, <c>&gt;</c> is T_AFTER, <c>&lt;=</c> is "not after",
/// <c>&gt;=</c> is "not before", <c>=</c> is T_EQUALS, except that <c>= DATE(d)</c> means "lies within day d".</item>
/// <item>Array functions work on <c>jsonb</c> arrays, literals being passed as a JSON text parameter cast to jsonb:
/// A_CONTAINS is <c>@&gt;</c>, A_CONTAINEDBY is <c>&lt;@</c>, A_EQUALS is equality as sets (each contains the other:
/// order and duplicates are ignored, as CQL2 does not define array order), and A_OVERLAPS is <c>?|</c> with a
/// <c>text[]</c> parameter for a literal of strings, otherwise an EXISTS over the elements of one side.</item>
/// </list>
/// </remarks>
public sealed class Cql2SqlTranslator(IQueryableColumns columns)
{
    /// <summary>
    /// Translates <paramref name="filter"/>. Placeholders start at <paramref name="firstParameterIndex"/>, so the
    /// fragment can follow other parameters; see also <see cref="SqlFragment.ShiftPlaceholders"/>.
    /// </summary>
    /// <exception cref="Cql2UnknownQueryableException">The filter names a property that is not a queryable.</exception>
    /// <exception cref="Cql2TypeException">The filter compares values of incompatible types.</exception>
    /// <exception cref="Cql2NotSupportedException">The filter uses ACCENTI, properties inside an IN list, or IS NULL on a literal.</exception>
    /// <exception cref="Cql2SyntaxException">A LIKE pattern ends with its escape character.</exception>
    public SqlFragment Translate(Cql2Expression filter, int firstParameterIndex = 1)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstParameterIndex, 1);
        var translation = new Translation(columns, firstParameterIndex);
        var sql = translation.Predicate(filter);
        return new SqlFragment(sql.Text, translation.Parameters);
    }

    private enum Kind
    {
        String,
        Number,
        Boolean,
        Temporal,
        Geometry,
        Array,
        Predicate,
    }

    /// <summary>SQL text; <see cref="Grouped"/> when the whole text is enclosed in one pair of parentheses.</summary>
    private readonly record struct Sql(string Text, bool Grouped)
    {
        public string AsOperand => Grouped ? Text : $"({Text})";
    }

    /// <summary>An end of a temporal interval: a trusted SQL expression, a literal value, or ±infinity ('..').</summary>
    private abstract record Bound;

    private sealed record ColumnBound(string Sql) : Bound;

    private sealed record ValueBound(DateTimeOffset Value) : Bound;

    private sealed record InfiniteBound(bool Positive) : Bound;

    private readonly record struct Interval(Bound Start, Bound End);

    /// <summary>A boolean combination of bound comparisons, folded when a bound is infinite.</summary>
    private abstract record Condition;

    private sealed record Comparison(Bound Left, string Operator, Bound Right) : Condition;

    private sealed record AllOf(IReadOnlyList<Condition> Items) : Condition;

    private sealed record AnyOf(IReadOnlyList<Condition> Items) : Condition;

    private sealed record Negation(Condition Inner) : Condition;

    private sealed record Constant(bool Value) : Condition;

    private sealed class Translation(IQueryableColumns columns, int firstParameterIndex)
    {
        public List<object> Parameters { get; } = [];

        public Sql Predicate(Cql2Expression expression)
        {
            // Trees from the parsers are bounded; this guards hand-built ones with a catchable exception.
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return PredicateCore(expression);
        }

        private Sql PredicateCore(Cql2Expression expression) => expression switch
        {
            AndExpression and => Join(and.Args, " AND "),
            OrExpression or => Join(or.Args, " OR "),
            NotExpression not => new Sql($"NOT {Predicate(not.Arg).AsOperand}", Grouped: false),
            BooleanLiteral literal => new Sql(Parameter(literal.Value), Grouped: false),
            ComparisonPredicate comparison => Compare(comparison),
            LikePredicate like => Like(like),
            BetweenPredicate between => Between(between),
            InPredicate inList => In(inList),
            IsNullPredicate isNull => IsNull(isNull),
            SpatialPredicate spatial => Spatial(spatial),
            TemporalPredicate temporal => Temporal(temporal),
            ArrayPredicate array => Array(array),
            AccentInsensitive => throw AccentInsensitiveNotSupported(),
            _ => throw new Cql2TypeException($"Expected a predicate but found {Describe(expression)}"),
        };

        private Sql Join(IReadOnlyList<Cql2Expression> args, string separator)
        {
            var parts = new List<string>(args.Count);
            foreach (var arg in args)
            {
                parts.Add(Predicate(arg).Text);
            }
            return new Sql($"({string.Join(separator, parts)})", Grouped: true);
        }

        private Sql Compare(ComparisonPredicate comparison)
        {
            var left = KindOf(comparison.Left);
            var right = KindOf(comparison.Right);
            if (left == Kind.Predicate || right == Kind.Predicate)
            {
                throw new Cql2TypeException("Predicates cannot be compared with each other; combine them with AND, OR and NOT");
            }
            if (left != right)
            {
                throw new Cql2TypeException($"Cannot compare {Describe(comparison.Left)} with {Describe(comparison.Right)}: their types differ");
            }
            var symbol = Symbol(comparison.Operator);
            return left switch
            {
                Kind.String or Kind.Number or Kind.Boolean =>
                    new Sql($"{Scalar(comparison.Left)} {symbol} {Scalar(comparison.Right)}", Grouped: false),
                Kind.Temporal => CompareTemporal(comparison),
                Kind.Geometry => throw new Cql2TypeException($"Geometries cannot be compared with '{symbol}'; use S_EQUALS or another spatial function"),
                _ => throw new Cql2TypeException($"Arrays cannot be compared with '{symbol}'; use A_EQUALS or another array function"),
            };
        }

        private Sql Like(LikePredicate like)
        {
            if (KindOf(like.Value) != Kind.String)
            {
                throw new Cql2TypeException($"LIKE matches strings, not {Describe(like.Value)}");
            }
            var pattern = like.Pattern;
            while (pattern is CaseInsensitive casei)
            {
                pattern = casei.Arg;
            }
            if (pattern is AccentInsensitive)
            {
                throw AccentInsensitiveNotSupported();
            }
            if (pattern is not StringLiteral literal)
            {
                throw new Cql2TypeException($"The LIKE pattern must be a string literal, not {Describe(like.Pattern)}");
            }
            var trailingEscapes = literal.Value.Length - literal.Value.TrimEnd('\\').Length;
            if (trailingEscapes % 2 == 1)
            {
                throw new Cql2SyntaxException("The LIKE pattern ends with the escape character '\\'");
            }
            return new Sql($"{Scalar(like.Value)} LIKE {Scalar(like.Pattern)}", Grouped: false);
        }

        private Sql Between(BetweenPredicate between)
        {
            foreach (var operand in new[] { between.Value, between.Low, between.High })
            {
                if (KindOf(operand) != Kind.Number)
                {
                    throw new Cql2TypeException($"BETWEEN compares numbers, not {Describe(operand)}");
                }
            }
            return new Sql($"{Scalar(between.Value)} BETWEEN {Scalar(between.Low)} AND {Scalar(between.High)}", Grouped: false);
        }

        private Sql In(InPredicate inList)
        {
            var kind = KindOf(inList.Value);
            foreach (var item in inList.Items)
            {
                if (item is PropertyReference)
                {
                    throw new Cql2NotSupportedException("IN lists hold literals only; compare properties with '=' and OR");
                }
            }
            switch (kind)
            {
                case Kind.String:
                    var folded = inList.Items.Count > 0 && inList.Items.All(item => item is CaseInsensitive { Arg: StringLiteral });
                    var strings = inList.Items.Select(item => item switch
                    {
                        StringLiteral literal when !folded => literal.Value,
                        CaseInsensitive { Arg: StringLiteral literal } when folded => literal.Value,
                        _ => throw InListItem(inList, item, folded ? "CASEI('…') strings, like the other items" : "string literals"),
                    }).ToArray();
                    var value = Scalar(inList.Value);
                    return folded
                        ? new Sql($"{value} = ANY (SELECT lower(cql2_e) FROM unnest({Parameter(strings)}) AS cql2_e)", Grouped: false)
                        : new Sql($"{value} = ANY ({Parameter(strings)})", Grouped: false);
                case Kind.Number:
                    var numbers = inList.Items.Select(item => item is NumberLiteral n ? n.Value : throw InListItem(inList, item, "numbers")).ToArray();
                    return AnyOf(Scalar(inList.Value), numbers);
                case Kind.Boolean:
                    var booleans = inList.Items.Select(item => item is BooleanLiteral b ? b.Value : throw InListItem(inList, item, "booleans")).ToArray();
                    return AnyOf(Scalar(inList.Value), booleans);
                case Kind.Temporal when inList.Value is PropertyReference property && Resolve(property).Type == QueryableType.Timestamp:
                    var instants = inList.Items.Select(item => item is TimestampLiteral t ? t.Value : throw InListItem(inList, item, "TIMESTAMP literals")).ToArray();
                    return AnyOf(Resolve(property).SqlExpression, instants);
                case Kind.Temporal:
                    throw new Cql2TypeException($"IN is defined here for timestamp properties only, not for {Describe(inList.Value)}; use T_EQUALS or T_INTERSECTS");
                default:
                    throw new Cql2TypeException($"IN compares strings, numbers, booleans or timestamps, not {Describe(inList.Value)}");
            }
        }

        private Sql AnyOf<T>(string value, T[] items) where T : notnull => new($"{value} = ANY ({Parameter(items)})", Grouped: false);

        private Cql2TypeException InListItem(InPredicate inList, Cql2Expression item, string expected) =>
            new($"The IN list for {Describe(inList.Value)} must hold {expected}, not {Describe(item)}");

        private Sql IsNull(IsNullPredicate isNull)
        {
            if (isNull.Value is not PropertyReference property)
            {
                throw new Cql2NotSupportedException($"IS NULL is supported on properties only, not on {Describe(isNull.Value)}");
            }
            var column = Resolve(property);
            return column.Type == QueryableType.Interval
                ? new Sql($"({column.SqlExpression} IS NULL AND {column.EndSqlExpression ?? column.SqlExpression} IS NULL)", Grouped: true)
                : new Sql($"{column.SqlExpression} IS NULL", Grouped: false);
        }

        private Sql Spatial(SpatialPredicate spatial)
        {
            var function = spatial.Operator switch
            {
                SpatialOperator.Intersects => "ST_Intersects",
                SpatialOperator.Equals => "ST_Equals",
                SpatialOperator.Disjoint => "ST_Disjoint",
                SpatialOperator.Touches => "ST_Touches",
                SpatialOperator.Within => "ST_Within",
                SpatialOperator.Overlaps => "ST_Overlaps",
                SpatialOperator.Crosses => "ST_Crosses",
                SpatialOperator.Contains => "ST_Contains",
                _ => throw new UnreachableException(),
            };
            var name = "S_" + spatial.Operator.ToString().ToUpperInvariant();
            var left = GeometrySql(spatial.Left, name);
            var right = GeometrySql(spatial.Right, name);
            return new Sql($"{function}({left}, {right})", Grouped: false);
        }

        private string GeometrySql(Cql2Expression operand, string function)
        {
            if (KindOf(operand) != Kind.Geometry)
            {
                throw new Cql2TypeException($"{function} relates geometries, not {Describe(operand)}");
            }
            return operand switch
            {
                PropertyReference property => Resolve(property).SqlExpression,
                GeometryLiteral literal => Parameter(literal.Value),
                _ => throw new UnreachableException(),
            };
        }

        private Sql Temporal(TemporalPredicate temporal)
        {
            var name = "T_" + temporal.Operator.ToString().ToUpperInvariant();
            var a = IntervalOf(temporal.Left, name);
            var b = IntervalOf(temporal.Right, name);
            Condition condition = temporal.Operator switch
            {
                TemporalOperator.After => Is(a.Start, ">", b.End),
                TemporalOperator.Before => Is(a.End, "<", b.Start),
                TemporalOperator.Contains => All(Is(a.Start, "<", b.Start), Is(a.End, ">", b.End)),
                TemporalOperator.Disjoint => new AnyOf([Is(a.End, "<", b.Start), Is(a.Start, ">", b.End)]),
                TemporalOperator.During => All(Is(a.Start, ">", b.Start), Is(a.End, "<", b.End)),
                TemporalOperator.Equals => All(Is(a.Start, "=", b.Start), Is(a.End, "=", b.End)),
                TemporalOperator.FinishedBy => All(Is(a.Start, "<", b.Start), Is(a.End, "=", b.End)),
                TemporalOperator.Finishes => All(Is(a.Start, ">", b.Start), Is(a.End, "=", b.End)),
                TemporalOperator.Intersects => All(Is(a.Start, "<=", b.End), Is(a.End, ">=", b.Start)),
                TemporalOperator.Meets => Is(a.End, "=", b.Start),
                TemporalOperator.MetBy => Is(a.Start, "=", b.End),
                TemporalOperator.OverlappedBy => All(Is(a.Start, ">", b.Start), Is(a.Start, "<", b.End), Is(a.End, ">", b.End)),
                TemporalOperator.Overlaps => All(Is(a.Start, "<", b.Start), Is(a.End, ">", b.Start), Is(a.End, "<", b.End)),
                TemporalOperator.StartedBy => All(Is(a.Start, "=", b.Start), Is(a.End, ">", b.End)),
                TemporalOperator.Starts => All(Is(a.Start, "=", b.Start), Is(a.End, "<", b.End)),
                _ => throw new UnreachableException(),
            };
            return Render(condition);
        }

        private Sql CompareTemporal(ComparisonPredicate comparison)
        {
            if (comparison.Left is IntervalLiteral || comparison.Right is IntervalLiteral)
            {
                throw new Cql2TypeException("INTERVAL literals are compared with the temporal functions (T_INTERSECTS, T_DURING, …), not with comparison operators");
            }
            var symbol = Symbol(comparison.Operator);
            var a = IntervalOf(comparison.Left, $"'{symbol}'");
            var b = IntervalOf(comparison.Right, $"'{symbol}'");
            var leftIsDate = comparison.Left is DateLiteral;
            var rightIsDate = comparison.Right is DateLiteral;
            if (comparison.Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual && leftIsDate != rightIsDate)
            {
                // "= DATE(d)": the other operand lies within day d.
                var (inner, day) = leftIsDate ? (b, a) : (a, b);
                Condition withinDay = All(Is(inner.Start, ">=", day.Start), Is(inner.End, "<=", day.End));
                return Render(comparison.Operator == ComparisonOperator.Equal ? withinDay : new Negation(withinDay));
            }
            Condition equal = All(Is(a.Start, "=", b.Start), Is(a.End, "=", b.End));
            return Render(comparison.Operator switch
            {
                ComparisonOperator.Equal => equal,
                ComparisonOperator.NotEqual => new Negation(equal),
                ComparisonOperator.LessThan => Is(a.End, "<", b.Start),
                ComparisonOperator.LessThanOrEqual => Is(a.Start, "<=", b.End),
                ComparisonOperator.GreaterThan => Is(a.Start, ">", b.End),
                ComparisonOperator.GreaterThanOrEqual => Is(a.End, ">=", b.Start),
                _ => throw new UnreachableException(),
            });
        }

        private Interval IntervalOf(Cql2Expression operand, string function)
        {
            if (KindOf(operand) != Kind.Temporal)
            {
                throw new Cql2TypeException($"{function} relates instants or intervals, not {Describe(operand)}");
            }
            switch (operand)
            {
                case PropertyReference property:
                    var column = Resolve(property);
                    return new Interval(new ColumnBound(column.SqlExpression), new ColumnBound(column.EndSqlExpression ?? column.SqlExpression));
                case TimestampLiteral timestamp:
                    var instant = new ValueBound(timestamp.Value);
                    return new Interval(instant, instant);
                case DateLiteral date:
                    return new Interval(new ValueBound(Cql2Instants.StartOf(date.Value)), new ValueBound(Cql2Instants.EndOf(date.Value)));
                case IntervalLiteral interval:
                    var start = IntervalEnd(interval.Start, isStart: true);
                    var end = IntervalEnd(interval.End, isStart: false);
                    if (start is ValueBound first && end is ValueBound last && first.Value > last.Value)
                    {
                        throw new Cql2TypeException($"The interval starts ({first.Value:O}) after it ends ({last.Value:O})");
                    }
                    return new Interval(start, end);
                default:
                    throw new UnreachableException();
            }
        }

        private Bound IntervalEnd(Cql2Expression end, bool isStart)
        {
            switch (end)
            {
                case OpenIntervalEnd:
                    return new InfiniteBound(Positive: !isStart);
                case TimestampLiteral timestamp:
                    return new ValueBound(timestamp.Value);
                case DateLiteral date:
                    return new ValueBound(isStart ? Cql2Instants.StartOf(date.Value) : Cql2Instants.EndOf(date.Value));
                case PropertyReference property when Resolve(property) is { Type: QueryableType.Timestamp or QueryableType.Interval } column:
                    return new ColumnBound(isStart ? column.SqlExpression : column.EndSqlExpression ?? column.SqlExpression);
                default:
                    throw new Cql2TypeException($"An INTERVAL end must be a date or timestamp, '..' or a temporal property, not {Describe(end)}");
            }
        }

        private static Comparison Is(Bound left, string op, Bound right) => new(left, op, right);

        private static AllOf All(params Condition[] items) => new(items);

        private Sql Render(Condition condition)
        {
            var parameters = new Dictionary<DateTimeOffset, string>();
            return Render(Fold(condition), parameters);
        }

        private Sql Render(Condition condition, Dictionary<DateTimeOffset, string> parameters) => condition switch
        {
            Comparison c => new Sql($"{Render(c.Left, parameters)} {c.Operator} {Render(c.Right, parameters)}", Grouped: false),
            AllOf all => new Sql($"({string.Join(" AND ", all.Items.Select(item => Render(item, parameters).Text))})", Grouped: true),
            AnyOf any => new Sql($"({string.Join(" OR ", any.Items.Select(item => Render(item, parameters).Text))})", Grouped: true),
            Negation negation => new Sql($"NOT {Render(negation.Inner, parameters).AsOperand}", Grouped: false),
            Constant constant => new Sql(constant.Value ? "TRUE" : "FALSE", Grouped: false),
            _ => throw new UnreachableException(),
        };

        private string Render(Bound bound, Dictionary<DateTimeOffset, string> parameters)
        {
            switch (bound)
            {
                case ColumnBound column:
                    return column.Sql;
                case ValueBound value when parameters.TryGetValue(value.Value, out var placeholder):
                    return placeholder;
                case ValueBound value:
                    var added = Parameter(value.Value.ToUniversalTime());
                    parameters.Add(value.Value, added);
                    return added;
                default:
                    throw new UnreachableException();
            }
        }

        /// <summary>Evaluates comparisons with an unbounded end ('..') and simplifies the constants away.</summary>
        private static Condition Fold(Condition condition) => condition switch
        {
            Comparison c when Evaluate(c) is { } value => new Constant(value),
            AllOf all => Combine(all.Items.Select(Fold), conjunction: true),
            AnyOf any => Combine(any.Items.Select(Fold), conjunction: false),
            Negation negation => Fold(negation.Inner) switch
            {
                Constant constant => new Constant(!constant.Value),
                var inner => new Negation(inner),
            },
            _ => condition,
        };

        private static Condition Combine(IEnumerable<Condition> items, bool conjunction)
        {
            var kept = new List<Condition>();
            foreach (var item in items)
            {
                if (item is Constant constant)
                {
                    if (constant.Value != conjunction)
                    {
                        return new Constant(!conjunction);
                    }
                    continue;
                }
                kept.Add(item);
            }
            return kept.Count switch
            {
                0 => new Constant(conjunction),
                1 => kept[0],
                _ => conjunction ? new AllOf(kept) : new AnyOf(kept),
            };
        }

        /// <summary>The value of a comparison involving ±infinity, or null when both sides are finite.</summary>
        private static bool? Evaluate(Comparison comparison)
        {
            if (comparison.Left is not InfiniteBound && comparison.Right is not InfiniteBound)
            {
                return null;
            }
            var order = Rank(comparison.Left).CompareTo(Rank(comparison.Right));
            return comparison.Operator switch
            {
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                ">=" => order >= 0,
                "=" => order == 0,
                _ => throw new UnreachableException(),
            };

            static int Rank(Bound bound) => bound is InfiniteBound infinite ? (infinite.Positive ? 1 : -1) : 0;
        }

        private Sql Array(ArrayPredicate array)
        {
            var name = "A_" + array.Operator.ToString().ToUpperInvariant();
            foreach (var operand in new[] { array.Left, array.Right })
            {
                if (KindOf(operand) != Kind.Array)
                {
                    throw new Cql2TypeException($"{name} relates arrays, not {Describe(operand)}");
                }
            }
            switch (array.Operator)
            {
                case ArrayOperator.Contains:
                    return new Sql($"{ArraySql(array.Left)} @> {ArraySql(array.Right)}", Grouped: false);
                case ArrayOperator.ContainedBy:
                    return new Sql($"{ArraySql(array.Left)} <@ {ArraySql(array.Right)}", Grouped: false);
                case ArrayOperator.Equals:
                    var left = ArraySql(array.Left);
                    var right = ArraySql(array.Right);
                    return new Sql($"({left} @> {right} AND {left} <@ {right})", Grouped: true);
                case ArrayOperator.Overlaps when array.Right is ArrayLiteral strings && IsStringArray(strings):
                    return new Sql($"{ArraySql(array.Left)} ?| {Parameter(StringsOf(strings))}", Grouped: false);
                case ArrayOperator.Overlaps when array.Left is ArrayLiteral strings && IsStringArray(strings):
                    return new Sql($"{ArraySql(array.Right)} ?| {Parameter(StringsOf(strings))}", Grouped: false);
                case ArrayOperator.Overlaps:
                    // Iterate over a literal when there is one: it is certainly an array, a column value may not be.
                    var (elements, container) = array.Right is ArrayLiteral || array.Left is not ArrayLiteral
                        ? (array.Right, array.Left)
                        : (array.Left, array.Right);
                    var elementsSql = ArraySql(elements);
                    var containerSql = ArraySql(container);
                    return new Sql(
                        $"EXISTS (SELECT 1 FROM jsonb_array_elements({elementsSql}) AS cql2_e(v) WHERE {containerSql} @> jsonb_build_array(cql2_e.v))",
                        Grouped: false);
                default:
                    throw new UnreachableException();
            }
        }

        private static bool IsStringArray(ArrayLiteral array) => array.Items.Count > 0 && array.Items.All(item => item is StringLiteral);

        private static string[] StringsOf(ArrayLiteral array) => [.. array.Items.Cast<StringLiteral>().Select(item => item.Value)];

        private string ArraySql(Cql2Expression operand) => operand switch
        {
            PropertyReference property => Resolve(property).SqlExpression,
            ArrayLiteral literal => Parameter(ToJson(literal)) + "::jsonb",
            _ => throw new UnreachableException(),
        };

        private string ToJson(ArrayLiteral array)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(writer, array);
            }
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        private void Write(Utf8JsonWriter writer, Cql2Expression element)
        {
            switch (element)
            {
                case ArrayLiteral array:
                    writer.WriteStartArray();
                    foreach (var item in array.Items)
                    {
                        Write(writer, item);
                    }
                    writer.WriteEndArray();
                    break;
                case StringLiteral s:
                    writer.WriteStringValue(s.Value);
                    break;
                case NumberLiteral n:
                    writer.WriteNumberValue(n.Value);
                    break;
                case BooleanLiteral b:
                    writer.WriteBooleanValue(b.Value);
                    break;
                case TimestampLiteral t:
                    writer.WriteStringValue(t.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
                    break;
                case DateLiteral d:
                    writer.WriteStringValue(d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new Cql2TypeException($"Array literals hold strings, numbers, booleans, timestamps, dates or arrays, not {Describe(element)}");
            }
        }

        private string Scalar(Cql2Expression operand) => operand switch
        {
            PropertyReference property => Resolve(property).SqlExpression,
            StringLiteral literal => Parameter(literal.Value),
            NumberLiteral literal => Parameter(literal.Value),
            BooleanLiteral literal => Parameter(literal.Value),
            CaseInsensitive casei when KindOf(casei.Arg) == Kind.String => $"lower({Scalar(casei.Arg)})",
            CaseInsensitive casei => throw new Cql2TypeException($"CASEI applies to strings, not to {Describe(casei.Arg)}"),
            _ => throw new UnreachableException(),
        };

        private Kind KindOf(Cql2Expression operand) => operand switch
        {
            PropertyReference property => Resolve(property).Type switch
            {
                QueryableType.String => Kind.String,
                QueryableType.Number or QueryableType.Integer => Kind.Number,
                QueryableType.Boolean => Kind.Boolean,
                QueryableType.Timestamp or QueryableType.Interval => Kind.Temporal,
                QueryableType.Geometry => Kind.Geometry,
                QueryableType.Array => Kind.Array,
                _ => throw new UnreachableException(),
            },
            StringLiteral or CaseInsensitive => Kind.String,
            AccentInsensitive => throw AccentInsensitiveNotSupported(),
            NumberLiteral => Kind.Number,
            BooleanLiteral => Kind.Boolean,
            TimestampLiteral or DateLiteral or IntervalLiteral => Kind.Temporal,
            GeometryLiteral => Kind.Geometry,
            ArrayLiteral => Kind.Array,
            OpenIntervalEnd => throw new Cql2TypeException("'..' can only be an end of an INTERVAL"),
            _ => Kind.Predicate,
        };

        private QueryableColumn Resolve(PropertyReference property) =>
            columns.TryResolve(property.Name, out var column) ? column : throw new Cql2UnknownQueryableException(property.Name);

        private string Describe(Cql2Expression operand) => operand switch
        {
            PropertyReference property => $"the {Resolve(property).Type.ToString().ToLowerInvariant()} property '{property.Name}'",
            StringLiteral literal => $"the string '{Shorten(literal.Value)}'",
            NumberLiteral literal => $"the number {literal.Value.ToString(CultureInfo.InvariantCulture)}",
            BooleanLiteral literal => literal.Value ? "TRUE" : "FALSE",
            TimestampLiteral literal => $"TIMESTAMP('{literal.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)}')",
            DateLiteral literal => $"DATE('{literal.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}')",
            IntervalLiteral => "an INTERVAL",
            OpenIntervalEnd => "'..'",
            GeometryLiteral literal => $"a {literal.Value.GeometryType.ToUpperInvariant()} literal",
            ArrayLiteral => "an array",
            CaseInsensitive casei => $"CASEI({Describe(casei.Arg)})",
            AccentInsensitive => "ACCENTI(…)",
            _ => "a predicate",
        };

        private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

        private string Parameter(object value)
        {
            Parameters.Add(value);
            return "$" + (firstParameterIndex + Parameters.Count - 1).ToString(CultureInfo.InvariantCulture);
        }

        private static string Symbol(ComparisonOperator op) => op switch
        {
            ComparisonOperator.Equal => "=",
            ComparisonOperator.NotEqual => "<>",
            ComparisonOperator.LessThan => "<",
            ComparisonOperator.LessThanOrEqual => "<=",
            ComparisonOperator.GreaterThan => ">",
            ComparisonOperator.GreaterThanOrEqual => ">=",
            _ => throw new UnreachableException(),
        };

        private static Cql2NotSupportedException AccentInsensitiveNotSupported() =>
            new("ACCENTI (accent-insensitive comparison) is not supported by this server; CASEI is");
    }
}
