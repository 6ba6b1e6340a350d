namespace Marketplace.Cli.Http;

/// <summary>One block in Blob storage: its id, its number in the plan (null for an id of another scheme) and its size.</summary>
internal sealed record StagedBlock(string Id, int? Number, long Size);
