namespace Marketplace.Platform.Gdal;

/// <summary>Everything needed to start one sandboxed process: its full command line, environment, folder and limits.</summary>
internal sealed record GdalProcessStart(
    IReadOnlyList<string> CommandLine,
    IReadOnlyDictionary<string, string> Environment,
    string WorkFolder,
    TimeSpan Timeout,
    int MaxStdoutChars,
    int MaxStderrChars);
