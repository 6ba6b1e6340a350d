using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A parser for cql2-json, the JSON encoding of OGC 21-065r2 CQL2 (clause 8, JSON Schema in Annex C):
/// <c>{"op": ..., "args": [...]}</c>, <c>{"property": ...}</c>, <c>{"timestamp": ...}</c>, <c>{"date": ...}</c>,
/// <c>{"interval": [...]}</c>, GeoJSON geometries (RFC 7946 §3.1) and <c>{"bbox": [...]}</c>. Operator names are
/// matched case-insensitively. Errors name the offending value with a JSON path such as <c>$.args[1]</c>.
/// </summary>
public static class Cql2JsonParser
{
    /// <summary>Nesting levels allowed (each level is one <c>args</c> or array index in the path): far beyond any real filter.</summary>
    private const int MaxDepth = 100;

    private static readonly string[] GeoJsonTypes =
        ["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection"];

    private static readonly string[] ArithmeticOperators = ["+", "-", "*", "/", "^", "%", "div"];

    /// <summary>Reads GeoJSON geometries with SRID 4326. Read-only.</summary>
    private static readonly JsonSerializerOptions GeoJsonOptions = CreateGeoJsonOptions();

    /// <summary>Parses a cql2-json filter.</summary>
    /// <exception cref="Cql2SyntaxException">The JSON is not valid cql2-json; <see cref="Cql2SyntaxException.JsonPath"/> says where.</exception>
    /// <exception cref="Cql2NotSupportedException">The JSON uses functions or arithmetic.</exception>
    public static Cql2Expression Parse(JsonElement filter) => Predicate(filter, "$");

    /// <summary>A value that must be boolean-valued: a predicate, a logical combination or a boolean literal.</summary>
    private static Cql2Expression Predicate(JsonElement element, string path)
    {
        var node = Node(element, path);
        return node is AndExpression or OrExpression or NotExpression or ComparisonPredicate or LikePredicate
            or BetweenPredicate or InPredicate or IsNullPredicate or SpatialPredicate or TemporalPredicate
            or ArrayPredicate or BooleanLiteral
            ? node
            : throw new Cql2SyntaxException("Expected a predicate (an object with \"op\" and \"args\") or a boolean", path);
    }

    private static Cql2Expression Node(JsonElement element, string path)
    {
        if (path.Count(c => c == '[') > MaxDepth)
        {
            throw new Cql2SyntaxException($"The filter is nested more than {MaxDepth} levels deep", path);
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return new BooleanLiteral(true);
            case JsonValueKind.False:
                return new BooleanLiteral(false);
            case JsonValueKind.String:
                return new StringLiteral(element.GetString()!);
            case JsonValueKind.Number:
                return element.TryGetDouble(out var number) && double.IsFinite(number)
                    ? new NumberLiteral(number)
                    : throw new Cql2SyntaxException($"The number {element.GetRawText()} is out of range", path);
            case JsonValueKind.Array:
                return Array(element, path);
            case JsonValueKind.Object:
                return Object(element, path);
            default:
                throw new Cql2SyntaxException($"Unexpected JSON {element.ValueKind.ToString().ToLowerInvariant()}", path);
        }
    }

    private static JsonSerializerOptions CreateGeoJsonOptions()
    {
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory(Cql2Geometry.Factory) } };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static ArrayLiteral Array(JsonElement element, string path) =>
        new([.. element.EnumerateArray().Select((item, i) => Node(item, $"{path}[{i}]"))]);

    private static Cql2Expression Object(JsonElement element, string path)
    {
        if (element.TryGetProperty("op", out var op))
        {
            return Operation(element, op, path);
        }
        if (element.TryGetProperty("property", out var property))
        {
            return property.ValueKind == JsonValueKind.String && property.GetString() is { Length: > 0 } name
                ? new PropertyReference(name)
                : throw new Cql2SyntaxException("\"property\" must be a non-empty string", $"{path}.property");
        }
        if (element.TryGetProperty("timestamp", out var timestamp))
        {
            return new TimestampLiteral(Timestamp(timestamp, $"{path}.timestamp"));
        }
        if (element.TryGetProperty("date", out var date))
        {
            return new DateLiteral(Date(date, $"{path}.date"));
        }
        if (element.TryGetProperty("interval", out var interval))
        {
            return Interval(interval, $"{path}.interval");
        }
        if (element.TryGetProperty("bbox", out var bbox) && !element.TryGetProperty("type", out _))
        {
            return BoundingBox(bbox, $"{path}.bbox");
        }
        if (element.TryGetProperty("type", out var type))
        {
            return Geometry(element, type, path);
        }
        if (element.TryGetProperty("function", out _))
        {
            throw new Cql2NotSupportedException($"Custom functions are not supported (at {path})");
        }
        throw new Cql2SyntaxException(
            "Unrecognised object: expected \"op\"/\"args\", \"property\", \"timestamp\", \"date\", \"interval\", \"bbox\" or a GeoJSON geometry",
            path);
    }

    private static Cql2Expression Operation(JsonElement element, JsonElement opElement, string path)
    {
        if (opElement.ValueKind != JsonValueKind.String)
        {
            throw new Cql2SyntaxException("\"op\" must be a string", $"{path}.op");
        }
        var op = opElement.GetString()!;
        if (!element.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array)
        {
            throw new Cql2SyntaxException($"The operation '{op}' needs an \"args\" array", path);
        }
        var argsPath = $"{path}.args";
        switch (op.ToUpperInvariant())
        {
            case "AND":
                return new AndExpression(Predicates(args, argsPath, op));
            case "OR":
                return new OrExpression(Predicates(args, argsPath, op));
            case "NOT":
                Count(args, 1, op, argsPath);
                return new NotExpression(Predicate(args[0], $"{argsPath}[0]"));
            case "=" or "<>" or "<" or "<=" or ">" or ">=":
                Count(args, 2, op, argsPath);
                return new ComparisonPredicate(Comparison(op), Node(args[0], $"{argsPath}[0]"), Node(args[1], $"{argsPath}[1]"));
            case "LIKE":
                Count(args, 2, op, argsPath);
                return new LikePredicate(Node(args[0], $"{argsPath}[0]"), Node(args[1], $"{argsPath}[1]"));
            case "BETWEEN":
                Count(args, 3, op, argsPath);
                return new BetweenPredicate(Node(args[0], $"{argsPath}[0]"), Node(args[1], $"{argsPath}[1]"), Node(args[2], $"{argsPath}[2]"));
            case "IN":
                Count(args, 2, op, argsPath);
                if (args[1].ValueKind != JsonValueKind.Array)
                {
                    throw new Cql2SyntaxException("The second argument of 'in' must be an array", $"{argsPath}[1]");
                }
                return new InPredicate(
                    Node(args[0], $"{argsPath}[0]"),
                    [.. args[1].EnumerateArray().Select((item, i) => Node(item, $"{argsPath}[1][{i}]"))]);
            case "ISNULL":
                Count(args, 1, op, argsPath);
                return new IsNullPredicate(Node(args[0], $"{argsPath}[0]"));
            case "CASEI":
                Count(args, 1, op, argsPath);
                return new CaseInsensitive(Node(args[0], $"{argsPath}[0]"));
            case "ACCENTI":
                Count(args, 1, op, argsPath);
                return new AccentInsensitive(Node(args[0], $"{argsPath}[0]"));
        }
        if (Cql2OperatorNames.Spatial.TryGetValue(op, out var spatial))
        {
            Count(args, 2, op, argsPath);
            return new SpatialPredicate(spatial, Node(args[0], $"{argsPath}[0]"), Node(args[1], $"{argsPath}[1]"));
        }
        if (Cql2OperatorNames.Temporal.TryGetValue(op, out var temporal))
        {
            Count(args, 2, op, argsPath);
            return new TemporalPredicate(temporal, Node(args[0], $"{argsPath}[0]"), Node(args[1], $"{argsPath}[1]"));
        }
        if (Cql2OperatorNames.Array.TryGetValue(op, out var array))
        {
            Count(args, 2, op, argsPath);
            return new ArrayPredicate(array, Node(args[0], $"{argsPath}[0]"), Node(args[1], $"{argsPath}[1]"));
        }
        if (ArithmeticOperators.Contains(op, StringComparer.OrdinalIgnoreCase))
        {
            throw new Cql2NotSupportedException($"Arithmetic expressions are not supported (at {path})");
        }
        throw new Cql2NotSupportedException($"The operator or function '{op}' is not supported: this server implements no CQL2 custom functions (at {path}.op)");
    }

    private static List<Cql2Expression> Predicates(JsonElement args, string path, string op)
    {
        if (args.GetArrayLength() < 2)
        {
            throw new Cql2SyntaxException($"'{op}' needs at least 2 arguments", path);
        }
        return [.. args.EnumerateArray().Select((item, i) => Predicate(item, $"{path}[{i}]"))];
    }

    private static void Count(JsonElement args, int expected, string op, string path)
    {
        if (args.GetArrayLength() != expected)
        {
            throw new Cql2SyntaxException(
                $"'{op}' takes {expected} argument{(expected == 1 ? "" : "s")}, not {args.GetArrayLength()}", path);
        }
    }

    private static ComparisonOperator Comparison(string op) => op switch
    {
        "=" => ComparisonOperator.Equal,
        "<>" => ComparisonOperator.NotEqual,
        "<" => ComparisonOperator.LessThan,
        "<=" => ComparisonOperator.LessThanOrEqual,
        ">" => ComparisonOperator.GreaterThan,
        _ => ComparisonOperator.GreaterThanOrEqual,
    };

    private static DateTimeOffset Timestamp(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String && Cql2Instants.TryParseTimestamp(element.GetString()!, out var timestamp)
            ? timestamp
            : throw new Cql2SyntaxException("Expected a UTC timestamp string such as \"1969-07-20T20:17:40Z\"", path);

    private static DateOnly Date(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String && Cql2Instants.TryParseDate(element.GetString()!, out var date)
            ? date
            : throw new Cql2SyntaxException("Expected a date string such as \"1969-07-20\"", path);

    private static IntervalLiteral Interval(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != 2)
        {
            throw new Cql2SyntaxException("\"interval\" must be an array of two instants", path);
        }
        return new IntervalLiteral(IntervalEnd(element[0], $"{path}[0]"), IntervalEnd(element[1], $"{path}[1]"));
    }

    private static Cql2Expression IntervalEnd(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString()!;
            if (text == Cql2Instants.Unbounded)
            {
                return new OpenIntervalEnd();
            }
            return Cql2Instants.IsDate(text) ? new DateLiteral(Date(element, path)) : new TimestampLiteral(Timestamp(element, path));
        }
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("property", out _))
        {
            return Node(element, path);
        }
        throw new Cql2SyntaxException("An interval end is a date or timestamp string, \"..\" or a property", path);
    }

    private static GeometryLiteral BoundingBox(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new Cql2SyntaxException("\"bbox\" must be an array of numbers", path);
        }
        var values = new List<double>();
        foreach (var (item, i) in element.EnumerateArray().Select((item, i) => (item, i)))
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var value) || !double.IsFinite(value))
            {
                throw new Cql2SyntaxException("Expected a number", string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
            }
            values.Add(value);
        }
        var polygon = Cql2Geometry.FromBoundingBox(values, out var error) ?? throw new Cql2SyntaxException(error!, path);
        return new GeometryLiteral(polygon);
    }

    private static GeometryLiteral Geometry(JsonElement element, JsonElement type, string path)
    {
        if (type.ValueKind != JsonValueKind.String || !GeoJsonTypes.Contains(type.GetString(), StringComparer.Ordinal))
        {
            throw new Cql2SyntaxException($"\"type\" must be one of the GeoJSON geometry types {string.Join(", ", GeoJsonTypes)}", $"{path}.type");
        }
        try
        {
            var geometry = element.Deserialize<Geometry>(GeoJsonOptions)
                ?? throw new Cql2SyntaxException("Invalid GeoJSON geometry", path);
            geometry.SRID = Cql2Geometry.Srid;
            return new GeometryLiteral(geometry);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new Cql2SyntaxException($"Invalid GeoJSON {type.GetString()}: {ex.Message}", path, ex);
        }
    }
}
