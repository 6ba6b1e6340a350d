namespace Marketplace.Catalog.Validation;

/// <summary>
/// One way a STAC document fails a JSON Schema: where (<see cref="Path"/>, a JSON Pointer (RFC 6901) after <c>#</c>, as
/// RFC 9457 problem details write it: <c>#/properties/eo:cloud_cover</c>; <c>#</c> is the whole document), what
/// (<see cref="Message"/>: the kind of failure in NJsonSchema's terms, e.g. <c>NumberTooBig (value 101)</c>, or why a
/// schema could not be had) and which schema said so (<see cref="Schema"/>, its canonical URL).
/// </summary>
public sealed record StacValidationError(string Path, string Message, string Schema)
{
    /// <summary>The schema's URL without its scheme, as the error lines show it.</summary>
    public string SchemaLabel => Schema.Replace("https://", "", StringComparison.Ordinal).Replace("http://", "", StringComparison.Ordinal);

    public override string ToString() => $"{SchemaLabel}: {Path}: {Message}";
}
