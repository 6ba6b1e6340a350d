using System.Text;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// An array of literals (OGC 21-065r2 CQL2 clause 7, requirements class "Array Functions": <c>('a', 'b')</c> in
/// cql2-text, where the bracketed form <c>['a', 'b']</c> of the drafts is accepted too; a JSON array in cql2-json).
/// </summary>
public sealed record ArrayLiteral(IReadOnlyList<Cql2Expression> Items) : Cql2Expression
{
    public bool Equals(ArrayLiteral? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Cql2Lists.HashOf(Items);

    protected override bool PrintMembers(StringBuilder builder) => Cql2Lists.Print(builder, nameof(Items), Items);
}
