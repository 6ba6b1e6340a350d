using System.Globalization;
using System.Text.Json;

namespace Marketplace.Catalog.Validation;

/// <summary>
/// One compiled JSON Schema (draft-07, JSON Schema Validation draft-handrews-json-schema-validation-01) with its
/// keywords read once into fields, so validating is a walk over the document without parsing or allocating. Built by
/// <see cref="SchemaCompiler"/>; immutable once compiled, so one node serves any number of threads.
/// </summary>
/// <remarks>
/// <see cref="Validate"/> runs in two modes: without a collector it answers valid or not and stops at the first
/// failure (the path every valid document takes); with one it reports every failure. The alternatives of
/// anyOf/oneOf/not/if/contains are always tried without a collector first, and explained only when they decide a failure.
/// Errors use NJsonSchema's names for the kinds of failure (<c>PropertyRequired</c>, <c>NumberTooBig</c>,
/// <c>ConstMismatch</c>, ...), which the catalog used before.
/// </remarks>
internal sealed class SchemaNode(string location)
{
    /// <summary>Deeper than this, a schema that refers to itself without descending into the document is failing.</summary>
    private const int MaxDepth = 400;

    /// <summary>Where the schema is: its document's URL and the JSON Pointer inside it.</summary>
    public string Location { get; } = location;

    /// <summary>A boolean schema: true accepts anything, false nothing.</summary>
    public bool? Boolean { get; set; }

    public SchemaNode? Ref { get; set; }

    public JsonTypes Types { get; set; }

    public JsonInstance[]? Enum { get; set; }

    /// <summary>The enum when all its values are strings, for a hashed lookup.</summary>
    public HashSet<string>? StringEnum { get; set; }

    public JsonInstance? Const { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public SchemaPattern? Pattern { get; set; }

    /// <summary>"format": "date-time" (the only format asserted; others, such as iri, are annotations).</summary>
    public bool DateTime { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public double? ExclusiveMinimum { get; set; }

    public double? ExclusiveMaximum { get; set; }

    public double? MultipleOf { get; set; }

    public string[]? Required { get; set; }

    public Dictionary<string, SchemaNode>? Properties { get; set; }

    public (SchemaPattern Pattern, SchemaNode Schema)[]? PatternProperties { get; set; }

    public SchemaNode? AdditionalProperties { get; set; }

    /// <summary>Per property name: the names it requires (array form) or the schema the object must then match.</summary>
    public (string Name, string[]? Names, SchemaNode? Schema)[]? Dependencies { get; set; }

    public SchemaNode? PropertyNames { get; set; }

    public int? MinProperties { get; set; }

    public int? MaxProperties { get; set; }

    public SchemaNode? Items { get; set; }

    public SchemaNode[]? ItemTuple { get; set; }

    public SchemaNode? AdditionalItems { get; set; }

    public SchemaNode? Contains { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public bool UniqueItems { get; set; }

    public SchemaNode[]? AllOf { get; set; }

    public SchemaNode[]? AnyOf { get; set; }

    public SchemaNode[]? OneOf { get; set; }

    public SchemaNode? Not { get; set; }

    public SchemaNode? If { get; set; }

    public SchemaNode? Then { get; set; }

    public SchemaNode? Else { get; set; }

    public bool Validate(JsonInstance x, ValidationCollector? c, int depth = 0)
    {
        if (Boolean is { } boolean)
        {
            if (!boolean)
            {
                c?.Fail(x, "NotAllowed (no value is allowed here)");
            }
            return boolean;
        }
        if (depth > MaxDepth)
        {
            c?.Fail(x, $"SchemaTooDeep (the schema at {Location} refers to itself without end)");
            return false;
        }
        var ok = true;
        if (Ref is not null && !Ref.Validate(x, c, depth + 1))
        {
            ok = false;
            if (c is null)
            {
                return false;
            }
        }
        if (Types != JsonTypes.None && (Types & TypeOf(x)) == 0)
        {
            ok = false;
            if (c is null)
            {
                return false;
            }
            c.Fail(x, TypeMessage(x));
        }
        if (Const is not null && !JsonInstance.DeepEquals(Const, x))
        {
            ok = false;
            if (c is null)
            {
                return false;
            }
            c.Fail(x, $"ConstMismatch (value {x.ToJson()})");
        }
        if (Enum is not null && !InEnum(x))
        {
            ok = false;
            if (c is null)
            {
                return false;
            }
            c.Fail(x, $"NotInEnumeration (value {x.ToJson()})");
        }
        var kindOk = x.Kind switch
        {
            JsonValueKind.String => ValidateString(x, c),
            JsonValueKind.Number => ValidateNumber(x, c),
            JsonValueKind.Object => ValidateObject(x, c, depth),
            JsonValueKind.Array => ValidateArray(x, c, depth),
            _ => true,
        };
        if (!kindOk)
        {
            ok = false;
            if (c is null)
            {
                return false;
            }
        }
        return ValidateCombinators(x, c, depth) && ok;
    }

    private static JsonTypes TypeOf(JsonInstance x) => x.Kind switch
    {
        JsonValueKind.Object => JsonTypes.Object,
        JsonValueKind.Array => JsonTypes.Array,
        JsonValueKind.String => JsonTypes.String,
        JsonValueKind.Number => x.IsInteger ? JsonTypes.Number | JsonTypes.Integer : JsonTypes.Number,
        JsonValueKind.True or JsonValueKind.False => JsonTypes.Boolean,
        _ => JsonTypes.Null,
    };

    private string TypeMessage(JsonInstance x)
    {
        var value = x.Kind is JsonValueKind.Object or JsonValueKind.Array ? "" : $" (value {x.ToJson()})";
        var names = System.Enum.GetValues<JsonTypes>().Where(t => t != JsonTypes.None && Types.HasFlag(t)).ToList();
        return names.Count == 1
            ? $"{names[0]}Expected{value}"
            : $"NoTypeValidates (value {x.ToJson()}; expected {string.Join(" or ", names.Select(n => n.ToString().ToLowerInvariant()))})";
    }

    private bool InEnum(JsonInstance x)
    {
        if (StringEnum is not null)
        {
            return x.Kind == JsonValueKind.String && StringEnum.Contains(x.String!);
        }
        foreach (var candidate in Enum!)
        {
            if (JsonInstance.DeepEquals(candidate, x))
            {
                return true;
            }
        }
        return false;
    }

    private bool ValidateString(JsonInstance x, ValidationCollector? c)
    {
        var ok = true;
        var text = x.String!;
        if (MinLength is not null || MaxLength is not null)
        {
            // Lengths count characters (code points), not UTF-16 units (draft-07 section 6.3.1).
            var length = text.Length;
            foreach (var ch in text)
            {
                if (char.IsLowSurrogate(ch))
                {
                    length--;
                }
            }
            if (length < MinLength)
            {
                ok = Fail(x, c, $"StringTooShort (value {x.ToJson()}; at least {MinLength} characters)");
            }
            if (length > MaxLength && (ok || c is not null))
            {
                ok = Fail(x, c, $"StringTooLong (value {x.ToJson()}; at most {MaxLength} characters)");
            }
        }
        if (Pattern is not null && (ok || c is not null) && !Pattern.IsMatch(text))
        {
            ok = Fail(x, c, $"PatternMismatch (value {x.ToJson()}; pattern {Pattern})");
        }
        if (DateTime && (ok || c is not null) && !Rfc3339.IsDateTime(text))
        {
            ok = Fail(x, c, $"DateTimeExpected (value {x.ToJson()}; an RFC 3339 date-time)");
        }
        return ok;
    }

    private bool ValidateNumber(JsonInstance x, ValidationCollector? c)
    {
        var ok = true;
        var n = x.Number;
        if (n < Minimum || n <= ExclusiveMinimum)
        {
            ok = Fail(x, c, $"NumberTooSmall (value {x.ToJson()}; {(n < Minimum ? $"minimum {Minimum}" : $"more than {ExclusiveMinimum}")})");
        }
        if ((ok || c is not null) && (n > Maximum || n >= ExclusiveMaximum))
        {
            ok = Fail(x, c, $"NumberTooBig (value {x.ToJson()}; {(n > Maximum ? $"maximum {Maximum}" : $"less than {ExclusiveMaximum}")})");
        }
        if ((ok || c is not null) && MultipleOf is { } step && !IsMultiple(x, step))
        {
            ok = Fail(x, c, $"NumberNotMultipleOf (value {x.ToJson()}; multiple of {step})");
        }
        return ok;
    }

    private static bool IsMultiple(JsonInstance x, double step)
    {
        if (decimal.TryParse(x.NumberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            var exact = (decimal)step;
            return exact == 0 || value % exact == 0;
        }
        var quotient = x.Number / step;
        return double.IsFinite(quotient) && Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }

    private bool ValidateObject(JsonInstance x, ValidationCollector? c, int depth)
    {
        var ok = true;
        var members = x.Members;
        if (Required is not null)
        {
            foreach (var name in Required)
            {
                if (!x.TryGet(name, out _))
                {
                    if (c is null)
                    {
                        return false;
                    }
                    ok = false;
                    c.Fail(x, $"PropertyRequired '{name}'", name);
                }
            }
        }
        if (members.Count < MinProperties)
        {
            ok = Fail(x, c, $"TooFewProperties (at least {MinProperties})");
        }
        if ((ok || c is not null) && members.Count > MaxProperties)
        {
            ok = Fail(x, c, $"TooManyProperties (at most {MaxProperties})");
        }
        if (!ok && c is null)
        {
            return false;
        }
        if (Properties is not null && PatternProperties is null && AdditionalProperties is null && PropertyNames is null && Properties.Count < members.Count)
        {
            // Only "properties": look the schema's few names up in the object rather than each member in the schema.
            foreach (var (name, property) in Properties)
            {
                if (x.TryGet(name, out var value) && !property.Validate(value, c, depth + 1))
                {
                    if (c is null)
                    {
                        return false;
                    }
                    ok = false;
                }
            }
        }
        else if (Properties is not null || PatternProperties is not null || AdditionalProperties is not null || PropertyNames is not null)
        {
            foreach (var (name, value) in members)
            {
                var matched = false;
                if (Properties is not null && Properties.TryGetValue(name, out var property))
                {
                    matched = true;
                    if (!property.Validate(value, c, depth + 1))
                    {
                        if (c is null)
                        {
                            return false;
                        }
                        ok = false;
                    }
                }
                if (PatternProperties is not null)
                {
                    foreach (var (pattern, schema) in PatternProperties)
                    {
                        if (pattern.IsMatch(name))
                        {
                            matched = true;
                            if (!schema.Validate(value, c, depth + 1))
                            {
                                if (c is null)
                                {
                                    return false;
                                }
                                ok = false;
                            }
                        }
                    }
                }
                if (!matched && AdditionalProperties is not null)
                {
                    if (AdditionalProperties.Boolean == false)
                    {
                        if (c is null)
                        {
                            return false;
                        }
                        ok = false;
                        c.Fail(x, $"NoAdditionalPropertiesAllowed '{name}'", name);
                    }
                    else if (!AdditionalProperties.Validate(value, c, depth + 1))
                    {
                        if (c is null)
                        {
                            return false;
                        }
                        ok = false;
                    }
                }
                if (PropertyNames is not null && !PropertyNames.Validate(JsonInstance.Text(name), null, depth + 1))
                {
                    if (c is null)
                    {
                        return false;
                    }
                    ok = false;
                    c.Fail(x, $"PropertyNameInvalid '{name}'", name);
                }
            }
        }
        if (Dependencies is not null)
        {
            foreach (var (name, names, schema) in Dependencies)
            {
                if (!x.TryGet(name, out _))
                {
                    continue;
                }
                foreach (var needed in names ?? [])
                {
                    if (!x.TryGet(needed, out _))
                    {
                        if (c is null)
                        {
                            return false;
                        }
                        ok = false;
                        c.Fail(x, $"PropertyRequired '{needed}' (by '{name}')", needed);
                    }
                }
                if (schema is not null && !schema.Validate(x, c, depth + 1))
                {
                    if (c is null)
                    {
                        return false;
                    }
                    ok = false;
                }
            }
        }
        return ok;
    }

    private bool ValidateArray(JsonInstance x, ValidationCollector? c, int depth)
    {
        var ok = true;
        var items = x.Items!;
        if (items.Count < MinItems)
        {
            ok = Fail(x, c, $"TooFewItems (at least {MinItems})");
        }
        if ((ok || c is not null) && items.Count > MaxItems)
        {
            ok = Fail(x, c, $"TooManyItems (at most {MaxItems})");
        }
        if (!ok && c is null)
        {
            return false;
        }
        if (UniqueItems && !AllDistinct(items))
        {
            ok = Fail(x, c, "ItemsNotUnique");
            if (c is null)
            {
                return false;
            }
        }
        for (var i = 0; i < items.Count; i++)
        {
            var schema = ItemTuple is null ? Items : i < ItemTuple.Length ? ItemTuple[i] : AdditionalItems;
            if (schema is null)
            {
                continue;
            }
            if (ItemTuple is not null && i >= ItemTuple.Length && schema.Boolean == false)
            {
                ok = Fail(items[i], c, $"TooManyItemsInTuple (at most {ItemTuple.Length})");
                if (c is null)
                {
                    return false;
                }
                continue;
            }
            if (!schema.Validate(items[i], c, depth + 1))
            {
                if (c is null)
                {
                    return false;
                }
                ok = false;
            }
        }
        if (Contains is not null && !AnyItemValidates(Contains, items, depth))
        {
            ok = Fail(x, c, "ContainsNoMatchingItem");
        }
        return ok;
    }

    private static bool AnyItemValidates(SchemaNode schema, List<JsonInstance> items, int depth)
    {
        foreach (var item in items)
        {
            if (schema.Validate(item, null, depth + 1))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AllDistinct(List<JsonInstance> items)
    {
        for (var i = 1; i < items.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonInstance.DeepEquals(items[i], items[j]))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private bool ValidateCombinators(JsonInstance x, ValidationCollector? c, int depth)
    {
        var ok = true;
        if (AllOf is not null)
        {
            foreach (var schema in AllOf)
            {
                if (!schema.Validate(x, c, depth + 1))
                {
                    if (c is null)
                    {
                        return false;
                    }
                    ok = false;
                }
            }
        }
        if (AnyOf is not null && !AnyValidates(AnyOf, x, depth))
        {
            if (c is null)
            {
                return false;
            }
            ok = false;
            Explain(AnyOf, x, c, "NotAnyOf", depth);
        }
        if (OneOf is not null)
        {
            var matches = 0;
            foreach (var schema in OneOf)
            {
                if (schema.Validate(x, null, depth + 1) && ++matches > 1)
                {
                    break;
                }
            }
            if (matches != 1)
            {
                if (c is null)
                {
                    return false;
                }
                ok = false;
                if (matches == 0)
                {
                    Explain(OneOf, x, c, "NotOneOf", depth);
                }
                else
                {
                    c.Fail(x, "NotOneOf (more than one of the alternatives match; exactly one must)");
                }
            }
        }
        if (Not is not null && Not.Validate(x, null, depth + 1))
        {
            if (c is null)
            {
                return false;
            }
            ok = false;
            c.Fail(x, x.Kind is JsonValueKind.Object or JsonValueKind.Array ? "ExcludedSchemaValidates" : $"ExcludedSchemaValidates (value {x.ToJson()})");
        }
        if (If is not null)
        {
            var branch = If.Validate(x, null, depth + 1) ? Then : Else;
            if (branch is not null && !branch.Validate(x, c, depth + 1))
            {
                if (c is null)
                {
                    return false;
                }
                ok = false;
            }
        }
        return ok;
    }

    private static bool AnyValidates(SchemaNode[] schemas, JsonInstance x, int depth)
    {
        foreach (var schema in schemas)
        {
            if (schema.Validate(x, null, depth + 1))
            {
                return true;
            }
        }
        return false;
    }

    private static void Explain(SchemaNode[] alternatives, JsonInstance x, ValidationCollector c, string via, int depth)
    {
        c.Enter(via);
        foreach (var schema in alternatives)
        {
            schema.Validate(x, c, depth + 1);
        }
        c.Leave();
    }

    private static bool Fail(JsonInstance x, ValidationCollector? c, string message)
    {
        c?.Fail(x, message);
        return false;
    }
}
