using Marketplace.Platform.Problems;

namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// The result of an upload use case: a value, invalid input (per field), or a refusal with its stable problem type
/// and the facts a client needs to react (as problem extension members).
/// </summary>
public abstract record UploadOutcome<T>
{
    private UploadOutcome() { }

    public sealed record Ok(T Value) : UploadOutcome<T>;

    /// <summary>Input is invalid; <see cref="Errors"/> names each field (as the client sent it) with its messages.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : UploadOutcome<T>;

    public sealed record Refused(ProblemType Type, string Detail, IReadOnlyDictionary<string, object?>? Extensions = null) : UploadOutcome<T>;

    public static implicit operator UploadOutcome<T>(T value) => new Ok(value);
}
