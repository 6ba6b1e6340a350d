namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>Earliest and latest of the epochs seen so far.</summary>
internal sealed class EpochRange
{
    public DateTimeOffset? Earliest { get; private set; }

    public DateTimeOffset? Latest { get; private set; }

    public void Add(DateTimeOffset epoch)
    {
        if (Earliest is null || epoch < Earliest)
        {
            Earliest = epoch;
        }
        if (Latest is null || epoch > Latest)
        {
            Latest = epoch;
        }
    }
}
