using System.Collections.Frozen;

namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>
/// The keywords of the OMM (CCSDS 502.0-B-2 §4, Tables 4-1 to 4-3) and the OEM (§5, Tables 5-2 and 5-3), with the
/// few that 502.0-B-3 adds (MESSAGE_ID, CLASSIFICATION, BTERM, AGOM), and which are mandatory.
/// </summary>
internal static class OrbitDataKeywords
{
    public const string Comment = "COMMENT";
    public const string UserDefinedPrefix = "USER_DEFINED_";
    public const string OmmVersion = "CCSDS_OMM_VERS";
    public const string OemVersion = "CCSDS_OEM_VERS";
    public const string CreationDate = "CREATION_DATE";
    public const string Epoch = "EPOCH";
    public const string RefFrameEpoch = "REF_FRAME_EPOCH";
    public const string MeanElementTheory = "MEAN_ELEMENT_THEORY";
    public const string MeanMotion = "MEAN_MOTION";
    public const string SemiMajorAxis = "SEMI_MAJOR_AXIS";
    public const string StartTime = "START_TIME";
    public const string StopTime = "STOP_TIME";
    public const string UseableStartTime = "USEABLE_START_TIME";
    public const string UseableStopTime = "USEABLE_STOP_TIME";
    public const string InterpolationDegree = "INTERPOLATION_DEGREE";
    public const string CovarianceReferenceFrame = "COV_REF_FRAME";

    /// <summary>The 21 elements of the lower triangle of a 6×6 position/velocity covariance.</summary>
    public static readonly IReadOnlySet<string> CovarianceElements = new HashSet<string>(StringComparer.Ordinal)
    {
        "CX_X", "CY_X", "CY_Y", "CZ_X", "CZ_Y", "CZ_Z",
        "CX_DOT_X", "CX_DOT_Y", "CX_DOT_Z", "CX_DOT_X_DOT",
        "CY_DOT_X", "CY_DOT_Y", "CY_DOT_Z", "CY_DOT_X_DOT", "CY_DOT_Y_DOT",
        "CZ_DOT_X", "CZ_DOT_Y", "CZ_DOT_Z", "CZ_DOT_X_DOT", "CZ_DOT_Y_DOT", "CZ_DOT_Z_DOT",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> OmmRequiredHeader = [OmmVersion, CreationDate, "ORIGINATOR"];

    public static readonly IReadOnlyList<string> OmmRequiredMetadata =
        ["OBJECT_NAME", "OBJECT_ID", "CENTER_NAME", "REF_FRAME", "TIME_SYSTEM", MeanElementTheory];

    /// <summary>Mean elements that are always mandatory; one of MEAN_MOTION and SEMI_MAJOR_AXIS is also needed.</summary>
    public static readonly IReadOnlyList<string> OmmRequiredData =
        [Epoch, "ECCENTRICITY", "INCLINATION", "RA_OF_ASC_NODE", "ARG_OF_PERICENTER", "MEAN_ANOMALY"];

    /// <summary>TLE-related parameters an SGP4 propagation needs (Table 4-3).</summary>
    public static readonly IReadOnlyList<string> OmmSgp4Parameters =
        [MeanMotion, "NORAD_CAT_ID", "ELEMENT_SET_NO", "REV_AT_EPOCH", "BSTAR", "MEAN_MOTION_DOT", "MEAN_MOTION_DDOT"];

    public static readonly IReadOnlySet<string> OmmNumeric = new HashSet<string>(CovarianceElements, StringComparer.Ordinal)
    {
        SemiMajorAxis, MeanMotion, "ECCENTRICITY", "INCLINATION", "RA_OF_ASC_NODE", "ARG_OF_PERICENTER", "MEAN_ANOMALY",
        "GM", "MASS", "SOLAR_RAD_AREA", "SOLAR_RAD_COEFF", "DRAG_AREA", "DRAG_COEFF", "EPHEMERIS_TYPE",
        "NORAD_CAT_ID", "ELEMENT_SET_NO", "REV_AT_EPOCH", "BSTAR", "BTERM", "MEAN_MOTION_DOT", "MEAN_MOTION_DDOT", "AGOM",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> OmmKnown = new HashSet<string>(OmmNumeric, StringComparer.Ordinal)
    {
        OmmVersion, CreationDate, "ORIGINATOR", "MESSAGE_ID", "CLASSIFICATION",
        "OBJECT_NAME", "OBJECT_ID", "CENTER_NAME", "REF_FRAME", RefFrameEpoch, "TIME_SYSTEM", MeanElementTheory,
        Epoch, "CLASSIFICATION_TYPE", CovarianceReferenceFrame,
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> OemRequiredHeader = [OemVersion, CreationDate, "ORIGINATOR"];

    public static readonly IReadOnlySet<string> OemHeader = new HashSet<string>(StringComparer.Ordinal)
    {
        OemVersion, CreationDate, "ORIGINATOR", "MESSAGE_ID", "CLASSIFICATION",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> OemRequiredMetadata =
        ["OBJECT_NAME", "OBJECT_ID", "CENTER_NAME", "REF_FRAME", "TIME_SYSTEM", StartTime, StopTime];

    public static readonly IReadOnlySet<string> OemMetadata = new HashSet<string>(StringComparer.Ordinal)
    {
        "OBJECT_NAME", "OBJECT_ID", "CENTER_NAME", "REF_FRAME", RefFrameEpoch, "TIME_SYSTEM",
        StartTime, UseableStartTime, UseableStopTime, StopTime, "INTERPOLATION", InterpolationDegree,
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsUserDefined(string keyword) => keyword.StartsWith(UserDefinedPrefix, StringComparison.Ordinal);
}
