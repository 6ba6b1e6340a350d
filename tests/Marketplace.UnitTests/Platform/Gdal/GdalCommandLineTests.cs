using Marketplace.Platform.Gdal;

namespace Marketplace.UnitTests.Platform.Gdal;

public sealed class GdalCommandLineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gdal-cmd-" + Guid.NewGuid().ToString("N"));
    private readonly GdalWorkspace _workspace;

    public GdalCommandLineTests() => _workspace = new GdalWorkspace(_root);

    public void Dispose()
    {
        _workspace.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("/vsicurl/http://example.com/a.tif")]
    [InlineData("..\\a.tif")]
    [InlineData("--config")]
    [InlineData("--CONFIG")]
    [InlineData("--optfile")]
    [InlineData("@args")]
    [InlineData("-if")]
    [InlineData("-sd")]
    [InlineData("")]
    public void Check_ArgumentOutsideTheVocabulary_Throws(string argument)
    {
        var command = new GdalCommand(GdalTool.GdalInfo, ["-json", argument], _workspace.NewFile(".tif"));

        Assert.Throws<ArgumentException>(() => GdalCommandLine.Check(command));
    }

    [Theory]
    [InlineData("netCDF", ".tif")]    // a driver outside the allowed outputs
    [InlineData("PNG", ".tif")]       // the output name does not fit the driver
    public void Check_TranslateWithWrongOutput_Throws(string driver, string extension)
    {
        var command = new GdalCommand(GdalTool.GdalTranslate, ["-of", driver], _workspace.NewFile(".tif"), _workspace.NewFile(extension));

        Assert.Throws<ArgumentException>(() => GdalCommandLine.Check(command));
    }

    [Fact]
    public void Check_GdalInfoWithOutput_Throws()
    {
        var command = new GdalCommand(GdalTool.GdalInfo, ["-json"], _workspace.NewFile(".tif"), _workspace.NewFile(".tif"));

        Assert.Throws<ArgumentException>(() => GdalCommandLine.Check(command));
    }

    [Fact]
    public void Compose_Translate_ReadsWithGTiffOnlyAndAllowsTheOutputDriver()
    {
        var input = _workspace.NewFile(".tif");
        var output = _workspace.NewFile(".png");
        var command = new GdalCommand(GdalTool.GdalTranslate, ["-of", "PNG", "-outsize", "64", "0"], input, output);

        GdalCommandLine.Check(command);
        var line = GdalCommandLine.Compose(command, ["/opt/gdal/gdal_translate"]);

        Assert.Equal(["/opt/gdal/gdal_translate", "-of", "PNG", "-outsize", "64", "0", "-if", "GTiff", input.FullPath, output.FullPath], line);
        Assert.Equal(["GTiff", "PNG"], GdalCommandLine.AllowedDrivers(command));
    }

    [Fact]
    public void Compose_CogValidator_PassesOnlyTheInput()
    {
        var input = _workspace.NewFile(".tif");
        var command = new GdalCommand(GdalTool.CogValidator, [], input);

        var line = GdalCommandLine.Compose(command, ["python3", "-I", "-B", "-m", GdalSandboxProfile.CogValidatorModule]);

        Assert.Equal(["python3", "-I", "-B", "-m", GdalSandboxProfile.CogValidatorModule, input.FullPath], line);
        Assert.Equal(["GTiff"], GdalCommandLine.AllowedDrivers(command));
    }

    [Fact]
    public void Build_Environment_HasLimitsAndNothingOfTheServer()
    {
        Environment.SetEnvironmentVariable("MARKETPLACE_UNIT_FAKE_SECRET", "s3cr3t");
        var options = new GdalOptions { CacheMegabytes = 96, Threads = 3 };

        var environment = GdalSandboxEnvironment.Build(options, _workspace.FolderPath, "HDF5 netCDF");

        Assert.Equal("96", environment["GDAL_CACHEMAX"]);
        Assert.Equal("3", environment["GDAL_NUM_THREADS"]);
        Assert.Equal("NO", environment["GDAL_PAM_ENABLED"]);
        Assert.Equal("EMPTY_DIR", environment["GDAL_DISABLE_READDIR_ON_OPEN"]);
        Assert.Equal("OFF", environment["PROJ_NETWORK"]);
        Assert.Equal("HDF5 netCDF", environment["GDAL_SKIP"]);
        Assert.Equal(_workspace.FolderPath, environment["CPL_TMPDIR"]);
        Assert.DoesNotContain("MARKETPLACE_UNIT_FAKE_SECRET", environment.Keys);
        Assert.DoesNotContain("PATH", environment.Keys);
    }
}
