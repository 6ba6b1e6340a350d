namespace Marketplace.Catalog.Validation;

/// <summary>
/// Collects the errors of one document against one schema; <see cref="Enter"/>/<see cref="Leave"/> record which
/// anyOf/oneOf alternatives an error was found under, so it reads "... [via NotAnyOf]".
/// </summary>
internal sealed class ValidationCollector(string schemaUrl)
{
    private readonly List<string> _via = [];

    public List<StacValidationError> Errors { get; } = [];

    public void Fail(JsonInstance at, string message, string? member = null) =>
        Errors.Add(new StacValidationError(at.Pointer(member), _via.Count == 0 ? message : $"{message} [via {string.Join(" > ", _via)}]", schemaUrl));

    public void Enter(string via) => _via.Add(via);

    public void Leave() => _via.RemoveAt(_via.Count - 1);
}
