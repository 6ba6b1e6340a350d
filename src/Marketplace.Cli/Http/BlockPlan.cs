namespace Marketplace.Cli.Http;

/// <summary>How the server wants the file cut: <see cref="BlockCount"/> blocks of <see cref="BlockSize"/> bytes, the last one shorter.</summary>
internal sealed record BlockPlan(long BlockSize, int BlockCount);
