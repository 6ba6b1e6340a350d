namespace Marketplace.Platform.Audit.Persistence;

/// <summary>One sequenced entry of the log: its leaf index, canonical bytes and leaf hash. Never updated or deleted.</summary>
public sealed class EntryRecord
{
    public long LeafIndex { get; set; }

    public string Action { get; set; } = "";

    public Guid[] Organizations { get; set; } = [];

    public DateTimeOffset RecordedAt { get; set; }

    public byte[] Entry { get; set; } = [];

    public byte[] LeafHash { get; set; } = [];
}

/// <summary>The hash of a completed perfect subtree of level ≥ 1 (level 0 is the entry's leaf hash).</summary>
public sealed class SubtreeRecord
{
    public short Level { get; set; }

    public long Index { get; set; }

    public byte[] Hash { get; set; } = [];
}

/// <summary>An event recorded in a committed transaction, waiting for the sequencer to give it a leaf index.</summary>
public sealed class PendingRecord
{
    public long Id { get; set; }

    public string Action { get; set; } = "";

    public Guid[] Organizations { get; set; } = [];

    public DateTimeOffset RecordedAt { get; set; }

    public byte[] Entry { get; set; } = [];
}

/// <summary>The single row holding the tree's size, root and right edge (frontier), locked by the sequencer.</summary>
public sealed class TreeStateRecord
{
    public short Id { get; set; }

    public long Size { get; set; }

    public byte[] Root { get; set; } = [];

    public byte[] Frontier { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A signed tree head. Never updated or deleted.</summary>
public sealed class TreeHeadRecord
{
    public long TreeSize { get; set; }

    public byte[] RootHash { get; set; } = [];

    public DateTimeOffset Timestamp { get; set; }

    public string KeyId { get; set; } = "";

    /// <summary>The JWS (compact serialization, ES256) over the canonical tree head.</summary>
    public string Jws { get; set; } = "";
}
