namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>Counts over every OEM of a file, for <see cref="OemSummary"/>.</summary>
internal sealed class OemTally
{
    public long Messages { get; set; }

    public long Segments { get; set; }

    public long StateVectors { get; set; }

    public long CovarianceMatrices { get; set; }

    public EpochRange Epochs { get; } = new();

    public OemSummary ToSummary() =>
        new(Messages, Segments, StateVectors, CovarianceMatrices, Epochs.Earliest, Epochs.Latest);
}
