using Marketplace.Cli.Configuration;
using Marketplace.Cli.Uploads;

namespace Marketplace.UnitTests.Cli.Uploads;

public sealed class AssetPlannerTests
{
    [Fact]
    public void Plan_OneFile_IsTheDataAsset()
    {
        var asset = Assert.Single(AssetPlanner.Plan(["scene.tif"], []));

        Assert.Equal(new PlannedAsset(Path.GetFullPath("scene.tif"), "data", "data"), asset);
    }

    [Fact]
    public void Plan_RolesByAsset_KeyedByRole()
    {
        var assets = AssetPlanner.Plan([], ["data=scene.tif", "thumbnail=thumb.png", "Metadata=meta.xml"]);

        Assert.Equal([("data", "data"), ("thumbnail", "thumbnail"), ("metadata", "metadata")], assets.Select(a => (a.Key, a.Role)));
        Assert.Equal(Path.GetFullPath("thumb.png"), assets[1].Path);
    }

    [Fact]
    public void Plan_PositionalFileAlsoGivenARole_AppearsOnceWithThatRole()
    {
        var assets = AssetPlanner.Plan(["scene.tif", "thumb.png"], ["thumbnail=thumb.png"]);

        Assert.Equal([("data", "scene.tif"), ("thumbnail", "thumb.png")], assets.Select(a => (a.Role, a.FileName)));
    }

    [Fact]
    public void Plan_FilesSharingARole_AreKeyedByTheirNames()
    {
        var assets = AssetPlanner.Plan(["B04.tif", "B08.tif", "scene b08.TIF"], ["thumbnail=thumb.png"]);

        Assert.Equal(["B04", "B08", "scene-b08", "thumbnail"], assets.Select(a => a.Key));
    }

    [Fact]
    public void Plan_SameNamesInDifferentFolders_GetUniqueKeys()
    {
        var assets = AssetPlanner.Plan([Path.Combine("a", "scene.tif"), Path.Combine("b", "scene.tif"), "certification.tif"], []);

        Assert.Equal(["scene", "scene-2", "certification-2"], assets.Select(a => a.Key));
    }

    [Theory]
    [InlineData("scene.tif")]
    [InlineData("=scene.tif")]
    [InlineData("data=")]
    public void Plan_AssetNotRoleEqualsFile_Fails(string spec)
    {
        var error = Assert.Throws<CliConfigurationException>(() => AssetPlanner.Plan([], [spec]));

        Assert.Contains("is not ROLE=FILE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_UnknownRole_FailsListingTheRoles()
    {
        var error = Assert.Throws<CliConfigurationException>(() => AssetPlanner.Plan([], ["preview=thumb.png"]));

        Assert.Equal("--asset 'preview=thumb.png': the role 'preview' is not one of data, telemetry, metadata, thumbnail, overview.", error.Message);
    }

    [Fact]
    public void Plan_SameFileTwice_Fails()
    {
        Assert.Throws<CliConfigurationException>(() => AssetPlanner.Plan([], ["data=scene.tif", "overview=scene.tif"]));
    }

    [Fact]
    public void Plan_NoFile_Fails()
    {
        var error = Assert.Throws<CliConfigurationException>(() => AssetPlanner.Plan([], []));

        Assert.StartsWith("Name at least one file", error.Message, StringComparison.Ordinal);
    }
}
