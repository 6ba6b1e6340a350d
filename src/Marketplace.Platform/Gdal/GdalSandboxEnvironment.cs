using System.Globalization;

namespace Marketplace.Platform.Gdal;

/// <summary>
/// The whole environment of a sandboxed GDAL process, built from nothing: no variable of the server (connection
/// strings, keys, cloud credentials, proxies) is inherited. It bounds GDAL's cache and threads, turns off .aux.xml
/// sidecars and sibling-file scans, restricts drivers, and shuts every network path GDAL and PROJ have.
/// </summary>
internal static class GdalSandboxEnvironment
{
    public static Dictionary<string, string> Build(GdalOptions options, string workFolder, string skippedDrivers)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = workFolder,
            ["TMPDIR"] = workFolder,
            ["CPL_TMPDIR"] = workFolder,
            ["LC_ALL"] = "C",
            // Fewer glibc malloc arenas: each reserves 64 MB of address space, which counts against RLIMIT_AS.
            ["MALLOC_ARENA_MAX"] = "2",
            ["GDAL_PAM_ENABLED"] = "NO",
            ["GDAL_DISABLE_READDIR_ON_OPEN"] = "EMPTY_DIR",
            ["GDAL_CACHEMAX"] = options.CacheMegabytes.ToString(CultureInfo.InvariantCulture),
            ["GDAL_NUM_THREADS"] = options.Threads.ToString(CultureInfo.InvariantCulture),
            ["CPL_DEBUG"] = "OFF",
            ["CPL_VSIL_CURL_ALLOWED_EXTENSIONS"] = ".network-access-disabled",
            ["GDAL_HTTP_PROXY"] = "127.0.0.1:9",
            ["GDAL_HTTP_TIMEOUT"] = "1",
            ["GDAL_HTTP_CONNECTTIMEOUT"] = "1",
            ["GDAL_HTTP_MAX_RETRY"] = "0",
            ["CPL_VSIL_CURL_USE_HEAD"] = "NO",
            ["GDAL_HTTP_NETRC"] = "NO",
            ["PROJ_NETWORK"] = "OFF",
        };
        if (skippedDrivers.Length > 0)
        {
            environment["GDAL_SKIP"] = skippedDrivers;
        }
        return environment;
    }
}
