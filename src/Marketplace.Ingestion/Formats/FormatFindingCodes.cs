namespace Marketplace.Ingestion.Formats;

/// <summary>Finding codes of <see cref="FormatDetector"/>.</summary>
public static class FormatFindingCodes
{
    /// <summary>Error: the file has no bytes.</summary>
    public const string Empty = "format.empty";

    /// <summary>Error: the content is no format the marketplace knows.</summary>
    public const string Unrecognized = "format.unrecognized";

    /// <summary>Error: the content is a known format that is not on the allow-list (ZIP, VRT, HTML, …).</summary>
    public const string NotAllowed = "format.not-allowed";

    /// <summary>Error: the declared media type names another format than the content is.</summary>
    public const string Mismatch = "format.mismatch";

    /// <summary>Warning: no media type was declared; the message suggests one.</summary>
    public const string MediaTypeMissing = "format.media-type-missing";

    /// <summary>Error: the declared media type is not a media type.</summary>
    public const string MediaTypeInvalid = "format.media-type-invalid";

    /// <summary>Error: the declared media type is not on the allow-list.</summary>
    public const string MediaTypeNotAllowed = "format.media-type-not-allowed";

    /// <summary>Error: the asset has a role its format may not fill (a thumbnail must be PNG or JPEG).</summary>
    public const string RoleNotAllowed = "format.role-not-allowed";

    /// <summary>Error: the file ends before its structure says it should (Parquet without closing "PAR1", a TIFF directory past the end).</summary>
    public const string Truncated = "format.truncated";

    /// <summary>Error: the content starts like JSON or XML but is not well-formed (or declares a DTD).</summary>
    public const string Malformed = "format.malformed";

    /// <summary>Warning: declared as GeoTIFF, but the first image file directory has no GeoKeyDirectoryTag (34735).</summary>
    public const string GeoTiffKeysMissing = "format.geotiff-keys-missing";
}
