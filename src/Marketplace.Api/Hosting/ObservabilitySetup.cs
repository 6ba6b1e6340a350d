using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Formatting.Compact;

namespace Marketplace.Api.Hosting;

/// <summary>
/// Structured JSON logs (Serilog, carrying the trace and span ids), OpenTelemetry metrics with a
/// Prometheus scrape endpoint, and traces with OTLP export of every signal when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
internal static class ObservabilitySetup
{
    public const string ServiceName = "satellite-marketplace";

    public static void AddMarketplaceObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            // Formatting and writing happen on the sink's own thread: a request never waits for the console.
            .WriteTo.Async(sink => sink.Console(new RenderedCompactJsonFormatter())));

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Marketplace.*")
                .AddPrometheusExporter());
        // Spans are recorded only when there is somewhere to send them: without an exporter every request and query
        // would build spans nobody reads. Log lines carry the trace and span ids either way.
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql())
                .UseOtlpExporter();
        }
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");
}
