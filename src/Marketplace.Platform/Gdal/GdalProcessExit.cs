namespace Marketplace.Platform.Gdal;

/// <summary>How a sandboxed process ended, before classification.</summary>
internal sealed record GdalProcessExit(int ExitCode, bool TimedOut, CapturedText Stdout, CapturedText Stderr, TimeSpan Elapsed);
