using Marketplace.Platform.Gdal;

namespace Marketplace.UnitTests.Platform.Gdal;

public sealed class GdalTerminationClassifierTests
{
    [Theory]
    [InlineData(0, false, "", GdalTermination.Exited)]
    [InlineData(1, false, "ERROR 4: `x.tif' not recognized as a supported file format.", GdalTermination.Exited)]
    [InlineData(137, true, "", GdalTermination.TimedOut)]
    [InlineData(152, false, "", GdalTermination.TimedOut)]                 // SIGXCPU: the CPU-time back-stop
    [InlineData(153, false, "", GdalTermination.FileSizeLimitExceeded)]    // SIGXFSZ
    [InlineData(127, false, "gdalinfo: error while loading shared libraries: libgdal.so.32: failed to map segment from shared object", GdalTermination.MemoryLimitExceeded)]
    [InlineData(1, false, "ERROR 1: TIFFWriteDirectoryTagLongLong8Array:Out of memory", GdalTermination.MemoryLimitExceeded)]
    [InlineData(0, false, "ERROR 1: x.tif:Failed to allocate memory for for \"StripByteCounts\" array", GdalTermination.MemoryLimitExceeded)]
    [InlineData(1, false, "Traceback (most recent call last):\nMemoryError", GdalTermination.MemoryLimitExceeded)]
    [InlineData(134, false, "terminate called after throwing an instance of 'std::bad_alloc'", GdalTermination.MemoryLimitExceeded)]
    [InlineData(137, false, "", GdalTermination.MemoryLimitExceeded)]      // SIGKILL we did not send: the OOM killer
    [InlineData(139, false, "", GdalTermination.Crashed)]                  // SIGSEGV
    public void Classify_ExitAndStderr_GivesTermination(int exitCode, bool killedByTimeout, string stderr, GdalTermination expected)
    {
        Assert.Equal(expected, GdalTerminationClassifier.Classify(exitCode, killedByTimeout, stderr));
    }
}
