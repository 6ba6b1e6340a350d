namespace Marketplace.Ingestion.Uploads;

/// <summary>Where an upload is in its life: stored in the database as the lower-case name.</summary>
public enum UploadStatus
{
    /// <summary>Accepting blocks until it is completed, aborted or expires.</summary>
    Open,

    /// <summary>Its blocks were committed with the declared size and the blob is sealed; it holds quota until consumed.</summary>
    Completed,

    /// <summary>Discarded by its organization; the blob was deleted.</summary>
    Aborted,

    /// <summary>Not completed in time; the blob was deleted by the expiry sweep.</summary>
    Expired,

    /// <summary>Taken over by a product submission; it no longer counts against the quota.</summary>
    Consumed,
}
