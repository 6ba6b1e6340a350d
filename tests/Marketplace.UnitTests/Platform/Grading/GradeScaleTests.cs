using Marketplace.Platform.Grading;

namespace Marketplace.UnitTests.Platform.Grading;

public sealed class GradeScaleTests
{
    private readonly GradeScale _scale = new(GradeScale.Default);

    [Theory]
    [InlineData("public", "public", true)]
    [InlineData("sensitive", "restricted", true)]
    [InlineData("sensitive", "sensitive", true)]
    [InlineData("public", "restricted", false)]
    [InlineData("restricted", "sensitive", false)]
    [InlineData("sensitive", "controlled", false)]
    [InlineData("controlled", "controlled", false)]
    [InlineData("unknown", "public", false)]
    [InlineData("sensitive", "unknown", false)]
    public void Permits_ComparesClearanceWithGrade_AndNeverReleasesTheHighestGrade(string clearance, string grade, bool expected) =>
        Assert.Equal(expected, _scale.Permits(clearance, grade));

    [Fact]
    public void AssignableClearances_AreEveryGradeButTheHighest() =>
        Assert.Equal(["public", "restricted", "sensitive"], _scale.AssignableClearances);

    [Fact]
    public void Constructor_WithConfiguredScale_UsesItInOrder()
    {
        var scale = new GradeScale(["open", "internal", "secret"]);

        Assert.Equal("open", scale.Lowest);
        Assert.Equal("secret", scale.Highest);
        Assert.True(scale.Permits("internal", "open"));
        Assert.False(scale.Permits("open", "internal"));
    }

    [Fact]
    public void Options_WithDuplicateGrades_AreInvalid()
    {
        var options = new GradingOptions { Scale = ["public", "public", "secret"] };

        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Single(results);
    }
}
