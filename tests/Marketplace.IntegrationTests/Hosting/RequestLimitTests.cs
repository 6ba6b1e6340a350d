using System.Net;
using System.Text;
using Marketplace.IntegrationTests.Infrastructure;

namespace Marketplace.IntegrationTests.Hosting;

public sealed class RequestLimitTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string OversizedJson() => "{\"slug\":\"big\",\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

    [Fact]
    public async Task OversizedBody_WithDeclaredLength_Returns413Problem()
    {
        using var client = await app.ClientAsAsync("demo-platform-admin", Ct);
        using var content = new StringContent(OversizedJson(), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/organizations", content, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large", Ct);
    }

    [Fact]
    public async Task OversizedBody_Chunked_Returns413Problem()
    {
        using var client = await app.ClientAsAsync("demo-platform-admin", Ct);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(OversizedJson())));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/organizations") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large", Ct);
    }

    [Fact]
    public async Task MalformedJson_Returns400Problem()
    {
        using var client = await app.ClientAsAsync("demo-platform-admin", Ct);
        using var content = new StringContent("{\"slug\": \"x\",", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/organizations", content, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "bad-request", Ct);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongContentType_Returns415Problem()
    {
        using var client = await app.ClientAsAsync("demo-platform-admin", Ct);
        using var content = new StringContent("slug=x", Encoding.UTF8, "text/plain");

        using var response = await client.PostAsync("/organizations", content, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type", Ct);
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/no-such-thing", Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found", Ct);
    }
}
