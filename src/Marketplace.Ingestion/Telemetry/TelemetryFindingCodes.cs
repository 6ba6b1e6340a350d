namespace Marketplace.Ingestion.Telemetry;

/// <summary>Finding codes shared by every telemetry check.</summary>
public static class TelemetryFindingCodes
{
    /// <summary>
    /// More findings of one code than the check lists: the first ones are listed, then one finding with this code
    /// names the repeated code, how many were left out and the total. Its severity is the repeated code's, and its
    /// location is the first occurrence that was left out.
    /// </summary>
    public const string Capped = "telemetry.findings-capped";
}
