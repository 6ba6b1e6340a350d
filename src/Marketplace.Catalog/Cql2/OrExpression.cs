using System.Text;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Disjunction of two or more predicates (OGC 21-065r2 CQL2 clause 6, "Basic CQL2": <c>booleanExpression</c> in
/// Annex B, <c>{"op": "or", "args": [...]}</c> in Annex C). OR binds more loosely than AND, which binds more loosely
/// than NOT.
/// </summary>
public sealed record OrExpression(IReadOnlyList<Cql2Expression> Args) : Cql2Expression
{
    public bool Equals(OrExpression? other) => other is not null && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => Cql2Lists.HashOf(Args);

    protected override bool PrintMembers(StringBuilder builder) => Cql2Lists.Print(builder, nameof(Args), Args);
}
