using System.Text.Json;
using Marketplace.Api.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

[assembly: AssemblyFixture(typeof(Marketplace.IntegrationTests.Infrastructure.StackFixture))]

namespace Marketplace.IntegrationTests.Infrastructure;

/// <summary>
/// The real services of the local stack (PostgreSQL with PostGIS, Azurite), found through the environment that
/// <c>infra/local/stack</c> writes. Once per run it migrates a template database; every test class then gets a
/// database cloned from it, so classes run in parallel without seeing each other's data.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    private readonly string _runId = Guid.NewGuid().ToString("N")[..12];
    private readonly List<string> _databases = [];
    private readonly Lock _lock = new();

    public string AdminConnectionString { get; private set; } = "";

    public string AppConnectionString { get; private set; } = "";

    public string OwnerConnectionString { get; private set; } = "";

    public string StorageConnectionString { get; private set; } = "";

    public string TemplateDatabase => "mkt_template_" + _runId;

    public async ValueTask InitializeAsync()
    {
        var stack = ReadStackJson();
        AdminConnectionString = Environment.GetEnvironmentVariable("MARKETPLACE_PG_ADMIN") ?? stack?.GetProperty("postgresAdmin").GetString() ?? "";
        AppConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Marketplace") ?? stack?.GetProperty("marketplace").GetString() ?? "";
        OwnerConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__MarketplaceOwner") ?? stack?.GetProperty("marketplaceOwner").GetString() ?? "";
        StorageConnectionString = Environment.GetEnvironmentVariable("Storage__ConnectionString") ?? stack?.GetProperty("storage").GetString() ?? "";
        if (AdminConnectionString.Length == 0 || AppConnectionString.Length == 0 || OwnerConnectionString.Length == 0 || StorageConnectionString.Length == 0)
        {
            throw new InvalidOperationException(
                "The local stack is not configured: run the tests with infra/local/test, or start the stack with 'infra/local/stack up' first.");
        }
        await ExecuteAdminAsync($"CREATE DATABASE {TemplateDatabase} OWNER marketplace", TestContext.Current.CancellationToken);
        await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in MarketplaceApp.BaseSettings(this, TemplateDatabase, "tpl" + _runId))
            {
                web.UseSetting(key, value);
            }
            // No background jobs against the template: it must stay idle to be cloned.
            web.UseSetting("Hosting:Roles", "api");
        }))
        {
            await HostCommands.MigrateAsync(factory.Services, TestContext.Current.CancellationToken);
        }
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        List<string> databases;
        lock (_lock)
        {
            databases = [.. _databases, TemplateDatabase];
        }
        foreach (var database in databases)
        {
            await ExecuteAdminAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None);
        }
    }

    /// <summary>A new database cloned from the migrated template; dropped at the end of the run.</summary>
    public async Task<string> CloneTemplateAsync(CancellationToken ct)
    {
        var name = $"mkt_{_runId}_{Guid.NewGuid():N}"[..40];
        lock (_lock)
        {
            _databases.Add(name);
        }
        await ExecuteAdminAsync($"CREATE DATABASE {name} TEMPLATE {TemplateDatabase} OWNER marketplace", ct);
        return name;
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AppConnectionString) { Database = database }.ConnectionString;

    public string OwnerConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(OwnerConnectionString) { Database = database }.ConnectionString;

    public string AdminConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private async Task ExecuteAdminAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static JsonElement? ReadStackJson()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, ".local", "stack.json");
            if (File.Exists(candidate))
            {
                return JsonDocument.Parse(File.ReadAllText(candidate)).RootElement.Clone();
            }
        }
        return null;
    }
}
