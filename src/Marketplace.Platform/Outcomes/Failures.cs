namespace Marketplace.Platform.Outcomes;

/// <summary>Builds failure outcomes with less ceremony.</summary>
public static class Failures
{
    public static Outcome<T> Invalid<T>(string field, string message) => new FieldErrors().Add(field, message).ToOutcome<T>();
}
