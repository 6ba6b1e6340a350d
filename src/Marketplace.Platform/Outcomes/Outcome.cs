namespace Marketplace.Platform.Outcomes;

/// <summary>
/// The result of a use case: a value, or one of the expected failures. Expected failures are values, not
/// exceptions; the HTTP layer maps each to its problem type.
/// </summary>
public abstract record Outcome<T>
{
    private Outcome() { }

    public sealed record Ok(T Value) : Outcome<T>;

    /// <summary>The object does not exist or the caller may not know that it exists.</summary>
    public sealed record NotFound(string Detail) : Outcome<T>;

    /// <summary>The caller may see the object but lacks the role for this operation.</summary>
    public sealed record Forbidden(string Detail) : Outcome<T>;

    public sealed record Conflict(string Detail) : Outcome<T>;

    /// <summary>Input is invalid; <see cref="Errors"/> names each field with its messages.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : Outcome<T>;

    public static implicit operator Outcome<T>(T value) => new Ok(value);
}
