namespace Marketplace.Platform.Persistence;

/// <summary>The usual privileges of the application's role in a module's schema: read and write its tables.</summary>
public static class RuntimeGrants
{
    public static string ReadWrite(string schema, string role) => $"""
        GRANT USAGE ON SCHEMA {schema} TO {role};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role};
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {role};
        """;
}
