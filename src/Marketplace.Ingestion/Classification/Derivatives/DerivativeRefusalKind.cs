namespace Marketplace.Ingestion.Classification.Derivatives;

/// <summary>Why no derivative of a product can be released at a grade.</summary>
public enum DerivativeRefusalKind
{
    /// <summary>The target grade is not on the policy's scale.</summary>
    UnknownGrade,

    /// <summary>The product's GSD is unknown, so no resampling can be planned.</summary>
    GsdUnknown,

    /// <summary>The product's footprint is unknown, so no geofence can be masked.</summary>
    FootprintUnknown,

    /// <summary>The product is already graded at or below the target: it needs no derivative.</summary>
    NotAboveTarget,

    /// <summary>The policy's default grade is above the target.</summary>
    DefaultGrade,

    /// <summary>The product type is graded above the target whatever the resolution.</summary>
    ProductType,

    /// <summary>The telemetry kind is graded above the target whatever the resolution.</summary>
    Telemetry,

    /// <summary>The footprint's area is graded above the target whatever the resolution.</summary>
    CoveredArea,

    /// <summary>The target needs a GSD coarser than <see cref="DerivativeOptions.MaxCoarsening"/> allows.</summary>
    TooCoarse,

    /// <summary>Masking the geofences would leave (nearly) nothing, and resampling past them is not allowed.</summary>
    NothingLeft,
}
