namespace Marketplace.Platform.Outcomes;

/// <summary>Collects validation messages per request field (names as the client sent them, camelCase).</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public Outcome<T> ToOutcome<T>() => new Outcome<T>.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
