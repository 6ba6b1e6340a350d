using System.Globalization;
using Marketplace.Cli.Http;
using Spectre.Console;

namespace Marketplace.Cli.Reviews;

/// <summary>How reviews look on a console: the queue as a table, one review with its decisions.</summary>
internal static class ReviewPrinter
{
    public static Table List(IEnumerable<ReviewView> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Review").AddColumn("Item").AddColumn("Grade").AddColumn("Policy").AddColumn(new TableColumn("Approvals").RightAligned())
            .AddColumn("State").AddColumn("Opened");
        foreach (var review in reviews)
        {
            table.AddRow(
                review.Id.ToString(),
                Markup.Escape($"{review.Collection}/{review.ItemId}"),
                Markup.Escape(review.Grade == review.PolicyGrade ? review.Grade : $"{review.Grade} (policy: {review.PolicyGrade})"),
                Markup.Escape(review.PolicyVersion),
                string.Create(CultureInfo.InvariantCulture, $"{review.Approvals}/{review.ApprovalsRequired}"),
                Markup.Escape(review.State),
                review.OpenedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }
        return table;
    }

    public static void Decided(IAnsiConsole console, ReviewView review)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(review);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Review [bold]{review.Id}[/] of {Markup.Escape(review.Collection)}/{Markup.Escape(review.ItemId)}: [bold]{Markup.Escape(review.State)}[/], ")
            + string.Create(CultureInfo.InvariantCulture, $"grade {Markup.Escape(review.Grade)}, approvals {review.Approvals}/{review.ApprovalsRequired}"));
        foreach (var decision in review.Decisions ?? [])
        {
            console.MarkupLine($"  {Markup.Escape(decision.DecidedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} "
                + $"{Markup.Escape(decision.Reviewer)} {Markup.Escape(decision.Decision)} {Markup.Escape(decision.Grade)}: {Markup.Escape(decision.Comment)}");
        }
    }
}
