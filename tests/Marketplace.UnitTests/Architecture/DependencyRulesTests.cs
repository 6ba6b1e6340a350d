using System.Reflection;

namespace Marketplace.UnitTests.Architecture;

/// <summary>Modules depend inward only: the host on modules, modules on the platform, the platform on no module.</summary>
public sealed class DependencyRulesTests
{
    public static TheoryData<string, string[]> AllowedReferences => new()
    {
        { "Marketplace.Platform", [] },
        { "Marketplace.Identity", ["Marketplace.Platform"] },
        { "Marketplace.Catalog", ["Marketplace.Platform"] },
        { "Marketplace.Ingestion", ["Marketplace.Platform", "Marketplace.Catalog"] },
        { "Marketplace.Api", ["Marketplace.Platform", "Marketplace.Identity", "Marketplace.Catalog", "Marketplace.Ingestion"] },
        { "Marketplace.Cli", ["Marketplace.Platform"] },
    };

    [Theory]
    [MemberData(nameof(AllowedReferences))]
    public void Assembly_ReferencesOnlyAllowedMarketplaceAssemblies(string assemblyName, string[] allowed)
    {
        var assembly = Load(assemblyName);

        var references = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Marketplace.", StringComparison.Ordinal))
            .Order()
            .ToList();

        Assert.Subset(allowed.ToHashSet(), references.ToHashSet());
    }

    [Fact]
    public void Namespaces_MatchFolders_AndAvoidJunkDrawerNames()
    {
        string[] banned = ["Common", "Shared", "Helpers", "Utils", "Managers", "Misc"];
        foreach (var name in new[] { "Marketplace.Platform", "Marketplace.Identity", "Marketplace.Catalog", "Marketplace.Ingestion", "Marketplace.Api", "Marketplace.Cli" })
        {
            var namespaces = Load(name).GetTypes()
                .Where(t => t.Namespace is not null && !t.Name.StartsWith('<'))
                // Source generators (regex, request delegates, OpenAPI) emit their own System.* and Microsoft.* namespaces.
                .Where(t => !t.Namespace!.StartsWith("System.", StringComparison.Ordinal) && !t.Namespace.StartsWith("Microsoft.", StringComparison.Ordinal))
                .Select(t => t.Namespace!)
                .Distinct();
            foreach (var ns in namespaces)
            {
                Assert.StartsWith(name, ns, StringComparison.Ordinal);
                Assert.DoesNotContain(ns.Split('.'), banned.Contains);
            }
        }
    }

    /// <summary>Loads a project's assembly; the CLI's is named after its command, <c>marketplace</c>.</summary>
    private static Assembly Load(string project) => Assembly.Load(project == "Marketplace.Cli" ? "marketplace" : project);
}
