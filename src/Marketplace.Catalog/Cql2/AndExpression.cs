using System.Text;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Conjunction of two or more predicates (OGC 21-065r2 CQL2 clause 6, "Basic CQL2": <c>booleanTerm</c> in Annex B,
/// <c>{"op": "and", "args": [...]}</c> in Annex C). A chain <c>a AND b AND c</c> is one node with three arguments,
/// as in cql2-json; parentheses nest.
/// </summary>
public sealed record AndExpression(IReadOnlyList<Cql2Expression> Args) : Cql2Expression
{
    public bool Equals(AndExpression? other) => other is not null && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => Cql2Lists.HashOf(Args);

    protected override bool PrintMembers(StringBuilder builder) => Cql2Lists.Print(builder, nameof(Args), Args);
}
