using System.Text;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Membership in a list of literals (OGC 21-065r2 CQL2 clause 7, requirements class "Advanced Comparison Operators",
/// <c>isInListPredicate</c>; <c>{"op": "in", "args": [value, [items]]}</c> in cql2-json).
/// </summary>
public sealed record InPredicate(Cql2Expression Value, IReadOnlyList<Cql2Expression> Items) : Cql2Expression
{
    public bool Equals(InPredicate? other) => other is not null && Value.Equals(other.Value) && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => HashCode.Combine(Value, Cql2Lists.HashOf(Items));

    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Value = ").Append(Value).Append(", ");
        return Cql2Lists.Print(builder, nameof(Items), Items);
    }
}
