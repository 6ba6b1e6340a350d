using System.Globalization;
using Marketplace.Cli.Http;
using Spectre.Console;

namespace Marketplace.Cli.Products;

/// <summary>How products look on a console: a one-line summary, the table of pipeline steps, the findings of failed steps, and the product list.</summary>
internal static class ProductPrinter
{
    public static void Summary(IAnsiConsole console, ProductView product)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(product);
        var grade = product.Grade is { } g ? $", grade {Markup.Escape(g)}" : "";
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Product [bold]{product.Id}[/]: {Markup.Escape(product.Collection)}/{Markup.Escape(product.ItemId)} version {product.Version}, ")
            + $"[{Colour(product.Status)}]{Markup.Escape(product.Status)}[/]{grade}");
    }

    public static Table Steps(ProductView product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{Markup.Escape(product.ItemId)}: [{Colour(product.Status)}]{Markup.Escape(product.Status)}[/]")
            .AddColumn("Step").AddColumn("State").AddColumn(new TableColumn("Attempts").RightAligned())
            .AddColumn(new TableColumn("Progress").RightAligned()).AddColumn(new TableColumn("Time").RightAligned()).AddColumn("Findings");
        foreach (var step in product.Steps ?? [])
        {
            table.AddRow(
                Markup.Escape(step.Name),
                $"[{Colour(step.State)}]{Markup.Escape(step.State)}[/]",
                step.Attempts.ToString(CultureInfo.InvariantCulture),
                step.State == "running" ? string.Create(CultureInfo.InvariantCulture, $"{step.Progress * 100:0} %") : "",
                step.DurationMs is { } ms ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.0} s") : "",
                Markup.Escape(PipelineChanges.FindingCounts(step)));
        }
        var interruptions = (product.Steps ?? []).Where(s => s.State is "pending" or "running" && s.Error is { Length: > 0 })
            .Select(s => $"{s.Name}, attempt {s.Attempts}: {s.Error}").ToList();
        if (interruptions.Count > 0)
        {
            table.Caption(Markup.Escape(string.Join("\n", interruptions)), new Style(Color.Yellow));
        }
        return table;
    }

    /// <summary>The findings of every failed step (severity, code, message, location) and the rejection reason.</summary>
    public static void Failures(IAnsiConsole console, ProductView product)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(product);
        foreach (var step in (product.Steps ?? []).Where(s => s.State == "failed"))
        {
            var attempts = step.Attempts == 1 ? "1 attempt" : string.Create(CultureInfo.InvariantCulture, $"{step.Attempts} attempts");
            console.MarkupLine($"[red]✗ step {Markup.Escape(step.Name)} failed after {attempts}[/]"
                + (step.Error is { Length: > 0 } error ? $": {Markup.Escape(error)}" : ""));
            foreach (var finding in step.FindingList().OrderByDescending(f => Array.IndexOf(["info", "warning", "error"], f.Severity)))
            {
                var at = finding.Location is { Length: > 0 } location ? $" [grey](at {Markup.Escape(location)})[/]" : "";
                console.MarkupLine($"  [{Colour(finding.Severity)}]{Markup.Escape(finding.Severity),-7}[/] {Markup.Escape(finding.Code)}: {Markup.Escape(finding.Message)}{at}");
            }
        }
        if (product.RejectionReason is { Length: > 0 } reason)
        {
            console.MarkupLine($"[red]Rejected:[/] {Markup.Escape(reason)}");
        }
    }

    public static Table List(IEnumerable<ProductView> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Id").AddColumn("Item").AddColumn(new TableColumn("Version").RightAligned()).AddColumn("Status").AddColumn("Grade").AddColumn("Submitted");
        foreach (var product in products)
        {
            table.AddRow(
                product.Id.ToString(),
                Markup.Escape($"{product.Collection}/{product.ItemId}"),
                product.Version.ToString(CultureInfo.InvariantCulture),
                $"[{Colour(product.Status)}]{Markup.Escape(product.Status)}[/]",
                Markup.Escape(product.Grade ?? ""),
                product.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        }
        return table;
    }

    private static string Colour(string state) => state switch
    {
        "published" or "succeeded" => "green",
        "rejected" or "failed" or "error" => "red",
        "withdrawn" or "skipped" or "pending" or "info" => "grey",
        "in-review" or "warning" => "yellow",
        _ => "blue",
    };
}
