using System.Text;
using Npgsql;

namespace Marketplace.Catalog.Search;

/// <summary>SQL text being built with positional parameters ($1, $2, …); values never enter the text.</summary>
public sealed class SqlQuery
{
    private readonly List<object> _parameters = [];

    public StringBuilder Text { get; } = new();

    public IReadOnlyList<object> Parameters => _parameters;

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Parameter(object value)
    {
        _parameters.Add(value);
        return "$" + _parameters.Count;
    }

    public SqlQuery Append(string sql)
    {
        Text.Append(sql);
        return this;
    }

    /// <summary>Appends a fragment numbered from the next placeholder, with its parameters.</summary>
    public SqlQuery AppendFragment(string sql, IEnumerable<object> parameters)
    {
        Text.Append(sql);
        _parameters.AddRange(parameters);
        return this;
    }

    public NpgsqlCommand CreateCommand(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var command = dataSource.CreateCommand(Text.ToString());
        foreach (var value in _parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }
}
