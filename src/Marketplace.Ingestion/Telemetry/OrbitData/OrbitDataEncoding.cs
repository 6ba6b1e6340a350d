namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>How an Orbit Data Message is written.</summary>
public enum OrbitDataEncoding
{
    /// <summary>Keyword = value notation (CCSDS 502.0-B-2), a <c>text/plain</c> file.</summary>
    Kvn,

    /// <summary>NDM/XML (CCSDS 505.0-B): an <c>omm</c> or <c>oem</c> root element, or several inside an <c>ndm</c> root.</summary>
    Xml,
}
