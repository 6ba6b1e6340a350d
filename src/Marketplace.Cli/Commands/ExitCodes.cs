namespace Marketplace.Cli.Commands;

/// <summary>The process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked; for verify and monitor, the log verified.</summary>
    public const int Ok = 0;

    /// <summary>Bad usage, missing settings, or the server could not be reached or answered with an error.</summary>
    public const int Error = 1;

    /// <summary>The audit log failed verification: a bad signature, an inconsistency, a tampered entry.</summary>
    public const int VerificationFailed = 2;
}
