namespace Marketplace.Platform.Problems;

/// <summary>The catalogue of problem types the API can answer with (RFC 9457 section 4). Immutable.</summary>
public static class ProblemTypes
{
    public static readonly ProblemType Validation = new("validation", 400, "Request is not valid",
        "One or more fields of the request are missing or malformed; the 'errors' member names each field with its messages.");
    public static readonly ProblemType BadRequest = new("bad-request", 400, "Request cannot be read",
        "The request could not be parsed (malformed JSON, wrong content type or unreadable parameters).");
    public static readonly ProblemType Unauthenticated = new("unauthenticated", 401, "Authentication required",
        "No valid access token was presented: it is missing, expired, wrongly signed, from an untrusted issuer, for another audience or unsigned. Obtain a token at /connect/token.");
    public static readonly ProblemType Forbidden = new("forbidden", 403, "Not allowed",
        "The caller is authenticated but lacks the role this operation needs.");
    public static readonly ProblemType NotFound = new("not-found", 404, "Not found",
        "The resource does not exist or is not visible to the caller.");
    public static readonly ProblemType MethodNotAllowed = new("method-not-allowed", 405, "Method not allowed",
        "The resource exists but does not support this HTTP method.");
    public static readonly ProblemType Conflict = new("conflict", 409, "Conflict",
        "The request conflicts with the current state of the resource (for example a duplicate identifier).");
    public static readonly ProblemType LengthRequired = new("length-required", 411, "Content-Length required",
        "This endpoint streams the request body onwards and needs its length up front: send a Content-Length header (no chunked transfer).");
    public static readonly ProblemType PayloadTooLarge = new("payload-too-large", 413, "Request body too large",
        "The request body exceeds the size this endpoint accepts.");
    public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type", 415, "Unsupported media type",
        "The request body has a content type this endpoint does not accept.");
    public static readonly ProblemType UploadStorageQuotaExceeded = new("upload-storage-quota-exceeded", 409, "Upload storage quota exceeded",
        "The organization's open and completed (not yet consumed) uploads plus this one would exceed its storage quota; complete and submit, or abort, earlier uploads first. Nothing was created.");
    public static readonly ProblemType UploadConcurrencyQuotaExceeded = new("upload-concurrency-quota-exceeded", 409, "Too many open uploads",
        "The organization has as many open uploads as its quota allows; complete or abort one first. Nothing was created.");
    public static readonly ProblemType UploadNotOpen = new("upload-not-open", 409, "Upload is not open",
        "The upload is no longer open (it was completed, aborted, expired or consumed): it accepts no more blocks and cannot be completed; a consumed upload cannot be discarded.");
    public static readonly ProblemType UploadBlocksMissing = new("upload-blocks-missing", 422, "Upload blocks missing",
        "Blocks the completion needs were never received; the 'missingBlocks' member lists them. Upload them and complete again; the upload stays open.");
    public static readonly ProblemType UploadSizeMismatch = new("upload-size-mismatch", 422, "Upload size differs from the declared size",
        "The blocks to commit do not add up to the size declared when the upload was created; 'declaredSize' and 'receivedSize' give both. Re-send the wrong blocks and complete again; the upload stays open.");
    public static readonly ProblemType UploadBlockNotInPlan = new("upload-block-not-in-plan", 422, "Block does not fit the upload's plan",
        "A block sent through the API must have a number within the upload's block plan and exactly the planned length (the block size, or the remainder for the last block).");
    public static readonly ProblemType UploadBlockChecksumMismatch = new("upload-block-checksum-mismatch", 400, "Block checksum mismatch",
        "The block's content does not match its Content-MD5 header: it was corrupted on the way and was not stored. Send it again.");
    public static readonly ProblemType RateLimited = new("rate-limited", 429, "Too many requests",
        "The caller exceeded its request rate; retry after the number of seconds in the Retry-After header.");
    public static readonly ProblemType Internal = new("internal", 500, "Internal error",
        "An unexpected error occurred; report the traceId to the operators.");
    public static readonly ProblemType Unavailable = new("unavailable", 503, "Service unavailable",
        "A dependency is temporarily unavailable; retry after the number of seconds in the Retry-After header.");

    /// <summary>Every problem type, for documentation and lookup by slug.</summary>
    public static IReadOnlyList<ProblemType> All { get; } =
    [
        Validation, BadRequest, Unauthenticated, Forbidden, NotFound, MethodNotAllowed, Conflict,
        LengthRequired, PayloadTooLarge, UnsupportedMediaType,
        UploadStorageQuotaExceeded, UploadConcurrencyQuotaExceeded, UploadNotOpen, UploadBlocksMissing, UploadSizeMismatch,
        UploadBlockNotInPlan, UploadBlockChecksumMismatch,
        RateLimited, Internal, Unavailable,
    ];

    /// <summary>The problem type for a slug, or null.</summary>
    public static ProblemType? Find(string slug) => All.FirstOrDefault(p => p.Slug == slug);

    /// <summary>The generic problem type for an HTTP status code.</summary>
    public static ProblemType ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        411 => LengthRequired,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        503 => Unavailable,
        _ => Internal,
    };
}
