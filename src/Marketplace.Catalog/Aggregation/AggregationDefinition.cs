namespace Marketplace.Catalog.Aggregation;

/// <summary>
/// An aggregation the API offers, as <c>/aggregations</c> lists it (STAC API Aggregation extension v0.3.0): its name
/// (the value of the <c>aggregations</c> parameter), its <c>data_type</c> (<c>integer</c>, <c>datetime</c> or
/// <c>frequency_distribution</c>) and, for a frequency distribution, the data type of its bucket keys.
/// </summary>
public sealed record AggregationDefinition(string Name, string DataType, string? FrequencyDistributionDataType = null)
{
    public const string IntegerType = "integer";
    public const string DatetimeType = "datetime";
    public const string FrequencyDistributionType = "frequency_distribution";
    public const string NumericType = "numeric";
    public const string StringType = "string";
}
