namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>A reason a policy document was refused, at a JSON path (e.g. <c>$.rules.geofences[1].grade</c>).</summary>
public sealed record PolicyError(string Path, string Message);
