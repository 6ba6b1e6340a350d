using System.Globalization;
using System.Text.Json;

namespace Marketplace.Catalog.Validation;

/// <summary>
/// Compiles JSON Schema documents (draft-07; draft-04's boolean exclusiveMinimum/exclusiveMaximum are read too) into
/// <see cref="SchemaNode"/>s. A <c>$ref</c> is resolved against the URL the document was loaded from (RFC 3986
/// section 5), its fragment read as a JSON Pointer (RFC 6901); a reference back to a schema being compiled (PROJJSON
/// is recursive) links to the same node. All documents must have been loaded first (<see cref="ReferencedDocuments"/>
/// lists what a document needs).
/// </summary>
internal sealed class SchemaCompiler(IReadOnlyDictionary<string, JsonElement> documents, Func<string, SchemaPattern> pattern)
{
    private static readonly string[] SchemaKeywords = ["additionalItems", "additionalProperties", "contains", "not", "if", "then", "else", "propertyNames"];
    private static readonly string[] SchemaArrayKeywords = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] SchemaMapKeywords = ["properties", "patternProperties", "definitions", "$defs", "dependencies"];

    private readonly Dictionary<string, SchemaNode> _nodes = new(StringComparer.Ordinal);

    /// <summary>The schema at a URL (a document URL, optionally with a JSON Pointer fragment).</summary>
    public SchemaNode Compile(string url)
    {
        var (document, pointer) = Split(url);
        return Node(document, pointer);
    }

    /// <summary>The URLs of the other documents a schema document refers to (without fragments).</summary>
    public static IReadOnlyList<string> ReferencedDocuments(string documentUrl, JsonElement root)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Walk(root);
        found.Remove(documentUrl);
        return [.. found];

        void Walk(JsonElement schema)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
            {
                found.Add(Split(Resolve(documentUrl, reference.GetString()!)).Document);
            }
            foreach (var member in schema.EnumerateObject())
            {
                if (Array.IndexOf(SchemaKeywords, member.Name) >= 0 || member.Name == "items")
                {
                    if (member.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in member.Value.EnumerateArray())
                        {
                            Walk(item);
                        }
                    }
                    else
                    {
                        Walk(member.Value);
                    }
                }
                else if (Array.IndexOf(SchemaArrayKeywords, member.Name) >= 0 && member.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in member.Value.EnumerateArray())
                    {
                        Walk(item);
                    }
                }
                else if (Array.IndexOf(SchemaMapKeywords, member.Name) >= 0 && member.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var entry in member.Value.EnumerateObject())
                    {
                        Walk(entry.Value);
                    }
                }
            }
        }
    }

    /// <summary>A reference made absolute against the document it appears in.</summary>
    public static string Resolve(string documentUrl, string reference)
    {
        if (!Uri.TryCreate(new Uri(documentUrl), reference, out var target))
        {
            throw new InvalidOperationException($"The reference '{reference}' in {documentUrl} is not a valid URI reference.");
        }
        return target.AbsoluteUri;
    }

    /// <summary>A URL split into its document (no fragment) and the JSON Pointer of its fragment.</summary>
    public static (string Document, string Pointer) Split(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (url, "") : (url[..hash], Uri.UnescapeDataString(url[(hash + 1)..]));
    }

    private SchemaNode Node(string documentUrl, string pointer)
    {
        var key = documentUrl + "#" + pointer;
        if (_nodes.TryGetValue(key, out var existing))
        {
            return existing;
        }
        if (!documents.TryGetValue(documentUrl, out var root))
        {
            throw new InvalidOperationException($"The schema document {documentUrl} was not loaded.");
        }
        var element = Find(root, pointer)
            ?? throw new InvalidOperationException($"The reference {key} points at nothing: {documentUrl} has no '{pointer}'.");
        var node = new SchemaNode(key);
        _nodes[key] = node;
        Fill(node, element, documentUrl, pointer);
        return node;
    }

    private static JsonElement? Find(JsonElement root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return root;
        }
        if (pointer[0] != '/')
        {
            return null; // a plain-name fragment ($id anchors); the STAC schemas do not use them
        }
        var current = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                     && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }
        return current;
    }

    private static string Child(string pointer, params string[] names) =>
        pointer + string.Concat(names.Select(n => "/" + n.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));

    private void Fill(SchemaNode node, JsonElement schema, string documentUrl, string pointer)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            node.Boolean = schema.ValueKind == JsonValueKind.True;
            return;
        }
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"The schema at {node.Location} is a JSON {schema.ValueKind}, not an object or a boolean.");
        }
        SchemaNode Sub(params string[] names) => Node(documentUrl, Child(pointer, names));
        bool exclusiveMinimumFlag = false, exclusiveMaximumFlag = false;
        foreach (var member in schema.EnumerateObject())
        {
            var value = member.Value;
            switch (member.Name)
            {
                case "$ref" when value.ValueKind == JsonValueKind.String:
                    node.Ref = Compile(Resolve(documentUrl, value.GetString()!));
                    break;
                case "type":
                    node.Types = value.ValueKind == JsonValueKind.Array
                        ? value.EnumerateArray().Aggregate(JsonTypes.None, (types, t) => types | TypeNamed(t, node))
                        : TypeNamed(value, node);
                    break;
                case "enum" when value.ValueKind == JsonValueKind.Array:
                    var values = value.EnumerateArray().Select(JsonInstance.From).ToArray();
                    node.Enum = values;
                    if (Array.TrueForAll(values, v => v.Kind == JsonValueKind.String))
                    {
                        node.StringEnum = new HashSet<string>(values.Select(v => v.String!), StringComparer.Ordinal);
                    }
                    break;
                case "const":
                    node.Const = JsonInstance.From(value);
                    break;
                case "minLength":
                    node.MinLength = Count(value, node, member.Name);
                    break;
                case "maxLength":
                    node.MaxLength = Count(value, node, member.Name);
                    break;
                case "minItems":
                    node.MinItems = Count(value, node, member.Name);
                    break;
                case "maxItems":
                    node.MaxItems = Count(value, node, member.Name);
                    break;
                case "minProperties":
                    node.MinProperties = Count(value, node, member.Name);
                    break;
                case "maxProperties":
                    node.MaxProperties = Count(value, node, member.Name);
                    break;
                case "uniqueItems":
                    node.UniqueItems = value.ValueKind == JsonValueKind.True;
                    break;
                case "pattern" when value.ValueKind == JsonValueKind.String:
                    node.Pattern = pattern(value.GetString()!);
                    break;
                case "format" when value.ValueKind == JsonValueKind.String:
                    node.DateTime = value.GetString() == "date-time";
                    break;
                case "minimum" when value.ValueKind == JsonValueKind.Number:
                    node.Minimum = value.GetDouble();
                    break;
                case "maximum" when value.ValueKind == JsonValueKind.Number:
                    node.Maximum = value.GetDouble();
                    break;
                case "exclusiveMinimum":
                    if (value.ValueKind == JsonValueKind.Number)
                    {
                        node.ExclusiveMinimum = value.GetDouble();
                    }
                    exclusiveMinimumFlag = value.ValueKind == JsonValueKind.True;
                    break;
                case "exclusiveMaximum":
                    if (value.ValueKind == JsonValueKind.Number)
                    {
                        node.ExclusiveMaximum = value.GetDouble();
                    }
                    exclusiveMaximumFlag = value.ValueKind == JsonValueKind.True;
                    break;
                case "multipleOf" when value.ValueKind == JsonValueKind.Number && value.GetDouble() > 0:
                    node.MultipleOf = value.GetDouble();
                    break;
                case "required" when value.ValueKind == JsonValueKind.Array:
                    node.Required = [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
                    break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    node.Properties = value.EnumerateObject().ToDictionary(p => p.Name, p => Sub("properties", p.Name), StringComparer.Ordinal);
                    break;
                case "patternProperties" when value.ValueKind == JsonValueKind.Object:
                    node.PatternProperties = [.. value.EnumerateObject().Select(p => (pattern(p.Name), Sub("patternProperties", p.Name)))];
                    break;
                case "additionalProperties":
                    node.AdditionalProperties = Sub("additionalProperties");
                    break;
                case "dependencies" when value.ValueKind == JsonValueKind.Object:
                    node.Dependencies = [.. value.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Array
                        ? (p.Name, (string[]?)[.. p.Value.EnumerateArray().Select(n => n.GetString()!)], (SchemaNode?)null)
                        : (p.Name, null, Sub("dependencies", p.Name)))];
                    break;
                case "propertyNames":
                    node.PropertyNames = Sub("propertyNames");
                    break;
                case "items":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        node.ItemTuple = [.. Enumerable.Range(0, value.GetArrayLength()).Select(i => Sub("items", i.ToString(CultureInfo.InvariantCulture)))];
                    }
                    else
                    {
                        node.Items = Sub("items");
                    }
                    break;
                case "additionalItems":
                    node.AdditionalItems = Sub("additionalItems");
                    break;
                case "contains":
                    node.Contains = Sub("contains");
                    break;
                case "allOf" or "anyOf" or "oneOf" when value.ValueKind == JsonValueKind.Array:
                    SchemaNode[] list = [.. Enumerable.Range(0, value.GetArrayLength()).Select(i => Sub(member.Name, i.ToString(CultureInfo.InvariantCulture)))];
                    if (member.Name == "allOf")
                    {
                        node.AllOf = list;
                    }
                    else if (member.Name == "anyOf")
                    {
                        node.AnyOf = list;
                    }
                    else
                    {
                        node.OneOf = list;
                    }
                    break;
                case "not":
                    node.Not = Sub("not");
                    break;
                case "if":
                    node.If = Sub("if");
                    break;
                case "then":
                    node.Then = Sub("then");
                    break;
                case "else":
                    node.Else = Sub("else");
                    break;
                default:
                    break; // annotations ($schema, $id, title, description, default, examples, $comment, ...) and unknown keywords
            }
        }
        if (exclusiveMinimumFlag && node.Minimum is { } minimum)
        {
            (node.ExclusiveMinimum, node.Minimum) = (minimum, null);
        }
        if (exclusiveMaximumFlag && node.Maximum is { } maximum)
        {
            (node.ExclusiveMaximum, node.Maximum) = (maximum, null);
        }
        if (node.If is null)
        {
            // "then" and "else" mean nothing without "if" (draft-07 section 6.6).
            (node.Then, node.Else) = (null, null);
        }
    }

    private static JsonTypes TypeNamed(JsonElement name, SchemaNode node) => name.GetString() switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "number" => JsonTypes.Number,
        "string" => JsonTypes.String,
        "integer" => JsonTypes.Integer,
        var other => throw new InvalidOperationException($"The schema at {node.Location} has an unknown type '{other}'."),
    };

    private static int Count(JsonElement value, SchemaNode node, string keyword) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= 0 && Math.Floor(number) == number
            ? (int)Math.Min(number, int.MaxValue)
            : throw new InvalidOperationException($"The schema at {node.Location} has a '{keyword}' that is not a non-negative integer.");
}
