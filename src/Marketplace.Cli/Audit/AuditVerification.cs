using Marketplace.Platform.Audit.TreeHeads;

namespace Marketplace.Cli.Audit;

/// <summary>
/// The outcome of one verification: <see cref="Ok"/> when <see cref="Problems"/> is empty; the tree head that was
/// checked (null when the log has none yet); how many entries were read and checked, and how many Merkle proofs.
/// </summary>
internal sealed record AuditVerification(
    bool Ok, SignedTreeHead? TreeHead, IReadOnlyList<string> Problems, long EntriesChecked, long ProofsChecked);
