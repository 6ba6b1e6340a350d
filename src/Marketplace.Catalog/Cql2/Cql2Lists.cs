using System.Text;

namespace Marketplace.Catalog.Cql2;

/// <summary>Structural equality and printing for the list-valued members of the AST records.</summary>
internal static class Cql2Lists
{
    public static int HashOf(IReadOnlyList<Cql2Expression> items)
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public static bool Print(StringBuilder builder, string name, IReadOnlyList<Cql2Expression> items)
    {
        builder.Append(name).Append(" = [ ");
        builder.AppendJoin(", ", items);
        builder.Append(" ]");
        return true;
    }
}
