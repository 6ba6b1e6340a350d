namespace Marketplace.Cli.Commands;

/// <summary>The process exit codes; every command's help lists those it uses.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked; for verify and monitor, the log verified; for products, published or in review.</summary>
    public const int Ok = 0;

    /// <summary>Bad usage, missing settings, or the server could not be reached or answered with an error (its problem is printed).</summary>
    public const int Error = 1;

    /// <summary>The audit log failed verification: a bad signature, an inconsistency, a tampered entry.</summary>
    public const int VerificationFailed = 2;

    /// <summary>The product was rejected: a pipeline step found errors (they are printed), or a reviewer refused it.</summary>
    public const int Rejected = 3;

    /// <summary>The product was withdrawn by its provider.</summary>
    public const int Withdrawn = 4;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it); uploads resume where they stopped when run again.</summary>
    public const int Interrupted = 130;

    /// <summary>The exit codes as the help of a command that follows products lists them.</summary>
    public const string ProductHelp =
        "Exit codes: 0 published or in review (or not followed); 1 usage, settings, connection or server error; "
        + "3 rejected; 4 withdrawn; 130 interrupted (Ctrl+C).";
}
