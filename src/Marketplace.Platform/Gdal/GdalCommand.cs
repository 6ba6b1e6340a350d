namespace Marketplace.Platform.Gdal;

/// <summary>
/// One sandboxed GDAL run. <paramref name="Arguments"/> are options written by our own code (never provider input):
/// they may not contain paths, <c>/vsi</c> prefixes, <c>--config</c> or option files. The sandbox adds the input
/// (and, for <see cref="GdalTool.GdalTranslate"/>, the output) itself, after <c>-if GTiff</c>.
/// </summary>
/// <param name="Tool">The program to run.</param>
/// <param name="Arguments">Options, e.g. <c>["-json", "-stats"]</c>.</param>
/// <param name="Input">An existing work file that must start with a TIFF signature.</param>
/// <param name="Output">For gdal_translate only: a new work file from <see cref="GdalWorkspace.NewFile"/>.</param>
public sealed record GdalCommand(GdalTool Tool, IReadOnlyList<string> Arguments, GdalWorkFile Input, GdalWorkFile? Output = null);
