namespace Marketplace.Ingestion.Telemetry;

/// <summary>One line of a text file without its terminator; <see cref="Truncated"/> when it was longer than allowed.</summary>
internal readonly record struct TextLine(string Text, long Number, bool Truncated);
