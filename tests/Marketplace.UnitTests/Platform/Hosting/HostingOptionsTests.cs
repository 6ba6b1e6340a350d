using System.ComponentModel.DataAnnotations;
using Marketplace.Platform.Hosting;

namespace Marketplace.UnitTests.Platform.Hosting;

public sealed class HostingOptionsTests
{
    [Theory]
    [InlineData("api,worker", true, true)]
    [InlineData("api", true, false)]
    [InlineData(" Worker ", false, true)]
    public void Roles_AreParsedCaseAndSpaceInsensitively(string roles, bool api, bool worker)
    {
        var options = new HostingOptions { Roles = roles };

        Assert.Equal(api, options.RunsApi);
        Assert.Equal(worker, options.RunsWorker);
        Assert.Empty(options.Validate(new ValidationContext(options)));
    }

    [Theory]
    [InlineData("api,scheduler")]
    [InlineData(",")]
    public void Roles_UnknownOrEmpty_AreInvalid(string roles)
    {
        var options = new HostingOptions { Roles = roles };

        Assert.NotEmpty(options.Validate(new ValidationContext(options)));
    }
}
