namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>
/// Finding codes of <see cref="OmmCheck"/> and <see cref="OemCheck"/>. Rules shared by both messages use the
/// <c>odm.</c> prefix. Locations read <c>line {n}</c> for KVN and <c>line {n}, position {p}</c> for XML, from 1.
/// </summary>
public static class OrbitDataFindingCodes
{
    /// <summary>Error: the file holds no message.</summary>
    public const string Empty = "odm.empty";

    /// <summary>Error: an XML message element is not the expected one (e.g. an OPM where an OMM was declared).</summary>
    public const string MessageType = "odm.message-type";

    /// <summary>Error: a KVN line is neither a keyword = value pair, a COMMENT, a block delimiter nor a data line where one is allowed.</summary>
    public const string KvnSyntax = "odm.kvn-syntax";

    /// <summary>Error: the XML is not well-formed, declares a DTD, or nests too deeply; reading stops there.</summary>
    public const string XmlMalformed = "odm.xml-malformed";

    /// <summary>Error: a line or value is longer than the configured maximum and was cut.</summary>
    public const string ValueTooLong = "odm.value-too-long";

    /// <summary>Error: a mandatory keyword is missing from the header, metadata or data.</summary>
    public const string KeywordMissing = "odm.keyword-missing";

    /// <summary>Error: a keyword appears twice in one block.</summary>
    public const string KeywordDuplicate = "odm.keyword-duplicate";

    /// <summary>Warning: a keyword the message type does not define (USER_DEFINED_ keywords are allowed).</summary>
    public const string KeywordUnknown = "odm.keyword-unknown";

    /// <summary>Warning: the version keyword is not the first keyword of the message.</summary>
    public const string KeywordOrder = "odm.keyword-order";

    /// <summary>Warning: the message version is not one of the configured supported versions.</summary>
    public const string VersionUnsupported = "odm.version-unsupported";

    /// <summary>Error: a time is not CCSDS ASCII Time Code A or B (YYYY-MM-DDThh:mm:ss[.d…][Z] or YYYY-DDDThh:mm:ss[.d…][Z]).</summary>
    public const string TimeInvalid = "odm.time-invalid";

    /// <summary>Error: a numeric value is not a number.</summary>
    public const string ValueInvalid = "odm.value-invalid";

    /// <summary>Warning: MEAN_ELEMENT_THEORY is SGP4 but a TLE-related parameter it needs is missing (CCSDS 502.0-B-2 Table 4-3).</summary>
    public const string OmmTleParameterMissing = "omm.tle-parameter-missing";

    /// <summary>Error: the OEM has no segment (META_START … META_STOP followed by ephemeris lines).</summary>
    public const string OemSegmentMissing = "oem.segment-missing";

    /// <summary>Error: a segment has metadata but no ephemeris line.</summary>
    public const string OemSegmentEmpty = "oem.segment-empty";

    /// <summary>Error: the file ends inside a metadata block (no META_STOP).</summary>
    public const string OemMetadataUnterminated = "oem.metadata-unterminated";

    /// <summary>Error: the file ends inside a covariance block (no COVARIANCE_STOP).</summary>
    public const string OemCovarianceUnterminated = "oem.covariance-unterminated";

    /// <summary>Error: an ephemeris line is not an epoch followed by 6 (position, velocity) or 9 (and acceleration) numbers (CCSDS 502.0-B-2 §5).</summary>
    public const string OemEphemerisLine = "oem.ephemeris-line";

    /// <summary>Error: an ephemeris epoch is not after the previous one in its segment.</summary>
    public const string OemEpochNotIncreasing = "oem.epoch-not-increasing";

    /// <summary>Error: an ephemeris epoch lies outside the segment's START_TIME … STOP_TIME.</summary>
    public const string OemEpochOutsideSpan = "oem.epoch-outside-span";

    /// <summary>Error: START_TIME is after STOP_TIME, or USEABLE_START_TIME/USEABLE_STOP_TIME are reversed or outside them.</summary>
    public const string OemTimeSpanInvalid = "oem.time-span-invalid";

    /// <summary>Warning: the ephemeris lines do not reach from USEABLE_START_TIME to USEABLE_STOP_TIME.</summary>
    public const string OemUseableNotCovered = "oem.useable-not-covered";
}
