using System.Globalization;
using System.Text;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A parameterised PostgreSQL boolean expression produced from a CQL2 filter (OGC 21-065r2 CQL2 clause 6, "a filter
/// evaluates to true or false for each resource"). <see cref="Sql"/> refers to its values with Npgsql's positional
/// placeholders <c>$1, $2, …</c>, in the order of <see cref="Parameters"/>; it never contains a value from the
/// request.
/// </summary>
public sealed record SqlFragment(string Sql, IReadOnlyList<object> Parameters)
{
    /// <summary>
    /// The same fragment with every placeholder <c>$n</c> renumbered <c>$(n + offset)</c>, for appending its
    /// parameters after <paramref name="offset"/> others. Safe because the fragment's SQL has no quoted text.
    /// </summary>
    public SqlFragment ShiftPlaceholders(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (offset == 0)
        {
            return this;
        }
        var shifted = new StringBuilder(Sql.Length + 8);
        var i = 0;
        while (i < Sql.Length)
        {
            if (Sql[i] == '$' && i + 1 < Sql.Length && char.IsAsciiDigit(Sql[i + 1]))
            {
                var start = ++i;
                while (i < Sql.Length && char.IsAsciiDigit(Sql[i]))
                {
                    i++;
                }
                var number = int.Parse(Sql.AsSpan(start, i - start), CultureInfo.InvariantCulture);
                shifted.Append('$').Append((number + offset).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                shifted.Append(Sql[i++]);
            }
        }
        return this with { Sql = shifted.ToString() };
    }

    /// <summary>
    /// Both fragments AND-ed, the second renumbered after the first's parameters. Both must number their placeholders
    /// from <c>$1</c> (the translator's default).
    /// </summary>
    public SqlFragment And(SqlFragment other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var right = other.ShiftPlaceholders(Parameters.Count);
        return new SqlFragment($"({Sql}) AND ({right.Sql})", [.. Parameters, .. right.Parameters]);
    }
}
