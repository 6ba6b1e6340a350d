using Npgsql;

namespace Marketplace.UnitTests.Catalog.Cql2;

/// <summary>
/// A data source on the local stack's PostGIS (with the NetTopologySuite plugin), for proving that translated SQL
/// runs. It reads the superuser connection string from <c>MARKETPLACE_PG_ADMIN</c> and uses the
/// <c>marketplace</c> database, where the stack installs PostGIS (infra/README.md); tests only create TEMP tables
/// inside transactions they roll back. Without the variable every test using this fixture fails.
/// </summary>
public sealed class PostGisFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "MARKETPLACE_PG_ADMIN";

    private NpgsqlDataSource? _dataSource;

    public NpgsqlDataSource DataSource => _dataSource
        ?? throw new InvalidOperationException($"The PostGIS data source is not available: {ConnectionStringVariable} is not set.");

    public ValueTask InitializeAsync()
    {
        var admin = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{ConnectionStringVariable} is not set, so the CQL2 SQL cannot be checked against PostGIS: start the stack with "
                + "'infra/local/stack up' and run 'source .local/stack.env' before 'dotnet test'.");
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = "marketplace" }.ConnectionString;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        _dataSource = builder.Build();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
