namespace Marketplace.Catalog.Validation;

/// <summary>The JSON Schema "type" names as flags (JSON Schema Validation draft-07 section 6.1.1).</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    String = 32,
    Integer = 64,
}
