namespace Marketplace.Cli.Uploads;

/// <summary>A local file to upload and submit as an asset of the product: its full path, its key in the item's assets, and its role.</summary>
internal sealed record PlannedAsset(string Path, string Key, string Role)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}
