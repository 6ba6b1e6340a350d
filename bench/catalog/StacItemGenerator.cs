using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Bench.Catalog;

/// <summary>
/// Writes a synthetic but realistic STAC 1.1 catalog, the same for the same count and seed: four collections (optical
/// L2A tiles, SAR GRD slices and strips, hyperspectral scenes, very-high-resolution strips) over five years
/// (2021–2025), footprints of their real sizes on a land-weighted world, and the properties searches use (platform,
/// constellation, instruments, gsd, eo:cloud_cover, view:*, sat:*, sar:*, title, description, keywords). Items are
/// newline-delimited JSON, one STAC Item per line; collections are one STAC Collection document each. Nothing in them
/// is specific to this marketplace, so any STAC server that ingests ndjson items can load the same data set.
/// </summary>
internal sealed class StacItemGenerator
{
    /// <summary>Changes whenever the output changes, so files of an older generator are never reused.</summary>
    public const string Version = "v2";

    public static readonly DateTimeOffset FirstDay = new(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const int Days = 1826; // 2021-01-01 up to and including 2025-12-31

    private const string Eo = "https://stac-extensions.github.io/eo/v2.0.0/schema.json";
    private const string View = "https://stac-extensions.github.io/view/v1.0.0/schema.json";
    private const string Sat = "https://stac-extensions.github.io/sat/v1.0.0/schema.json";
    private const string Sar = "https://stac-extensions.github.io/sar/v1.0.0/schema.json";
    private const string Processing = "https://stac-extensions.github.io/processing/v1.2.0/schema.json";
    private const string Cog = "image/tiff; application=geotiff; profile=cloud-optimized";
    private const string DataHost = "https://data.marketplace.example";

    public sealed record Region(string Name, double West, double South, double East, double North, double Weight);

    /// <summary>Where acquisitions fall: land regions by weight, and the open ocean (mostly radar).</summary>
    public static IReadOnlyList<Region> LandRegions { get; } =
    [
        new("europe", -10, 36, 40, 70, 14),
        new("north-america", -125, 25, -65, 55, 13),
        new("central-america", -105, 8, -60, 25, 3),
        new("south-america", -80, -55, -35, 10, 10),
        new("north-africa", -17, 0, 50, 35, 9),
        new("southern-africa", 10, -35, 45, 0, 6),
        new("middle-east", 35, 12, 60, 40, 4),
        new("northern-asia", 40, 45, 140, 72, 9),
        new("south-asia", 68, 8, 92, 35, 7),
        new("east-asia", 100, 20, 145, 45, 9),
        new("southeast-asia", 95, -10, 140, 20, 5),
        new("oceania", 113, -45, 178, -10, 5),
    ];

    public static Region Ocean { get; } = new("ocean", -180, -70, 180, 75, 0);

    public sealed record CollectionSpec(string Id, double Share, string Title, string[] Platforms, string Constellation);

    /// <summary>The collections and their share of the items.</summary>
    public static IReadOnlyList<CollectionSpec> Collections { get; } =
    [
        new("optical-l2a", 0.45, "Orbital Eye L2A surface reflectance tiles", ["orbital-eye-1", "orbital-eye-2", "orbital-eye-3"], "orbital-eye"),
        new("sar-grd", 0.30, "RadarSight C-band GRD", ["radarsight-1a", "radarsight-1b"], "radarsight"),
        new("hyperspectral", 0.05, "Spectra hyperspectral L2A scenes", ["spectra-1", "spectra-2"], "spectra"),
        new("very-high-res", 0.20, "Vantage very-high-resolution strips", ["vantage-1", "vantage-2", "vantage-3", "vantage-4"], "vantage"),
    ];

    private readonly Random _random;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly double _landWeight = LandRegions.Sum(r => r.Weight);

    private StacItemGenerator(int seed) => _random = new Random(seed);

    /// <summary>The files of a data set: items (ndjson) and one document per collection.</summary>
    public sealed record DataSet(string ItemsPath, IReadOnlyList<string> CollectionPaths, int Count, int Seed, bool Reused, TimeSpan GeneratedIn);

    /// <summary>Returns the data set in <paramref name="directory"/>, generating it first when it is not there yet.</summary>
    public static async Task<DataSet> EnsureAsync(string directory, int count, int seed, CancellationToken ct)
    {
        var collectionsDirectory = Path.Combine(directory, $"collections-{Version}");
        var itemsPath = Path.Combine(directory, $"items-{Version}-{count}-seed{seed}.ndjson");
        Directory.CreateDirectory(collectionsDirectory);
        var collectionPaths = new List<string>();
        foreach (var collection in Collections)
        {
            var path = Path.Combine(collectionsDirectory, collection.Id + ".json");
            await File.WriteAllTextAsync(path, CollectionDocument(collection).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", ct);
            collectionPaths.Add(path);
        }
        if (File.Exists(itemsPath))
        {
            return new DataSet(itemsPath, collectionPaths, count, seed, true, TimeSpan.Zero);
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var temporary = itemsPath + ".partial";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.SequentialScan))
        {
            var generator = new StacItemGenerator(seed);
            using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            for (var i = 0; i < count; i++)
            {
                generator.WriteItem(writer);
                writer.Flush();
                file.WriteByte((byte)'\n');
                writer.Reset();
                if (i % 50_000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }
        }
        File.Move(temporary, itemsPath, overwrite: true);
        return new DataSet(itemsPath, collectionPaths, count, seed, false, clock.Elapsed);
    }

    private void WriteItem(Utf8JsonWriter w)
    {
        var pick = _random.NextDouble();
        var collection = Collections[^1];
        foreach (var candidate in Collections)
        {
            if (pick < candidate.Share)
            {
                collection = candidate;
                break;
            }
            pick -= candidate.Share;
        }
        switch (collection.Id)
        {
            case "optical-l2a":
                Optical(w, collection);
                break;
            case "sar-grd":
                Radar(w, collection);
                break;
            case "hyperspectral":
                Hyperspectral(w, collection);
                break;
            default:
                VeryHighResolution(w, collection);
                break;
        }
    }

    /// <summary>L2A tiles of a 100 km grid (109.8 km squares, as MGRS tiles), a third of them cut by the swath edge.</summary>
    private void Optical(Utf8JsonWriter w, CollectionSpec collection)
    {
        var region = PickRegion(oceanShare: 0.01);
        var (lon, lat) = Within(region, 80);
        var row = Math.Round(lat * Footprints.KmPerDegreeLat / 100);
        var tileLat = row * 100 / Footprints.KmPerDegreeLat;
        var column = Math.Round(lon * Footprints.KmPerDegreeLongitude(tileLat) / 100);
        var tileLon = Math.Clamp(column * 100 / Footprints.KmPerDegreeLongitude(tileLat), -179, 179);
        var tile = TileCode(tileLon, tileLat, (int)column, (int)row);
        var heading = 190 + Jitter(3); // descending, sun-synchronous
        var local = Footprints.Square(109.8);
        if (_random.NextDouble() < 0.33)
        {
            local = Footprints.CutBySwathEdge(local, heading, 0.2 + 0.65 * _random.NextDouble(), _random.NextDouble() < 0.5);
        }
        var platformIndex = _random.Next(collection.Platforms.Length);
        var platform = collection.Platforms[platformIndex];
        var datetime = Acquisition(tileLon, 10.5 + Jitter(0.25));
        var relativeOrbit = (int)((tileLon + 180) / 360 * 143) % 143 + 1;
        var absoluteOrbit = AbsoluteOrbit(datetime, 2000 + 9000 * platformIndex);
        var cloud = CloudCover(clear: 0.40);
        var id = Unique($"OE{platformIndex + 1}_L2A_{Compact(datetime)}_R{relativeOrbit:000}_T{tile}");
        var (sunElevation, sunAzimuth) = Sun(tileLat, datetime, 10.5);

        Begin(w, id, collection.Id, [Eo, View, Sat, Processing], Footprints.Place(local, tileLon, tileLat));
        w.WriteString("title", $"Orbital Eye {platformIndex + 1} L2A tile {tile} {datetime:yyyy-MM-dd}");
        w.WriteString("description", $"Surface reflectance (Level-2A, atmospherically corrected) of grid tile {tile} over {Pretty(region)}, relative orbit {relativeOrbit}, {cloud:0.#}% cloud cover.");
        Keywords(w, "optical", "multispectral", "surface reflectance", "l2a", region.Name);
        Times(w, datetime, null, null);
        Platform(w, platform, collection.Constellation, "msi");
        w.WriteNumber("gsd", 10);
        w.WriteNumber("eo:cloud_cover", cloud);
        w.WriteNumber("eo:snow_cover", Math.Round(Math.Abs(tileLat) > 45 ? _random.NextDouble() * 30 : 0, 2));
        w.WriteNumber("view:off_nadir", Math.Round(_random.NextDouble() * 10.5, 2));
        w.WriteNumber("view:sun_elevation", sunElevation);
        w.WriteNumber("view:sun_azimuth", sunAzimuth);
        Orbit(w, "descending", relativeOrbit, absoluteOrbit);
        w.WriteString("processing:level", "L2A");
        w.WriteEndObject();

        w.WriteStartObject("assets");
        var folder = $"{DataHost}/{collection.Id}/{tile[..2]}/{tile[2..3]}/{tile[3..]}/{id}";
        Asset(w, "visual", $"{folder}/TCI.tif", Cog, "True colour image", ["visual", "data"], 10,
            [("B04", "red", 0.665), ("B03", "green", 0.56), ("B02", "blue", 0.49)]);
        Asset(w, "reflectance", $"{folder}/SR_10m.tif", Cog, "Surface reflectance, 10 m bands", ["data", "reflectance"], 10,
            [("B02", "blue", 0.49), ("B03", "green", 0.56), ("B04", "red", 0.665), ("B08", "nir", 0.842)]);
        Asset(w, "scl", $"{folder}/SCL.tif", Cog, "Scene classification", ["data", "classification"], 20, []);
        Asset(w, "thumbnail", $"{folder}/thumbnail.png", "image/png", "Thumbnail", ["thumbnail"], null, []);
        Asset(w, "metadata", $"{folder}/metadata.xml", "application/xml", "Product metadata", ["metadata"], null, []);
        w.WriteEndObject();
        End(w);
    }

    /// <summary>GRD slices of a 250 km swath; a few long strips up to 2,000 km and wide-swath (400 km) acquisitions.</summary>
    private void Radar(Utf8JsonWriter w, CollectionSpec collection)
    {
        var region = PickRegion(oceanShare: 0.2);
        var (lon, lat) = Within(region, 80);
        var ascending = _random.NextDouble() < 0.5;
        var heading = (ascending ? -12 : 192) + Jitter(2);
        var roll = _random.NextDouble();
        var (mode, width, length) = roll < 0.01 ? ("EW", 400.0, 400 + 800 * _random.NextDouble())
            : roll < 0.04 ? ("IW", 250.0, 500 + 1500 * _random.NextDouble())
            : ("IW", 250.0, 170 + Jitter(10));
        var platformIndex = _random.Next(collection.Platforms.Length);
        var platform = collection.Platforms[platformIndex];
        var start = Acquisition(lon, ascending ? 18 : 6);
        var end = start.AddSeconds(length / 6.9);
        var relativeOrbit = _random.Next(1, 176);
        var absoluteOrbit = AbsoluteOrbit(start, 30000 + 12000 * platformIndex);
        var dataTake = _random.Next(0x100000, 0xFFFFFF);
        var polarizations = Math.Abs(lat) > 60 || region == Ocean && _random.NextDouble() < 0.3 ? new[] { "HH", "HV" } : ["VV", "VH"];
        var id = Unique($"RS{platform[^2..].ToUpperInvariant()}_{mode}_GRDH_1SD{(polarizations[0] == "HH" ? "H" : "V")}_{Compact(start)}_{Compact(end)}_{absoluteOrbit:000000}_{dataTake:X6}");

        Begin(w, id, collection.Id, [Sar, Sat, View, Processing], Footprints.Place(Footprints.Strip(width, length, heading), lon, lat));
        w.WriteString("title", $"RadarSight {platform[^2..].ToUpperInvariant()} {mode} GRD {start:yyyy-MM-dd HH:mm} orbit {absoluteOrbit}");
        w.WriteString("description", $"C-band ground range detected ({mode}, {string.Join("+", polarizations)}) over {Pretty(region)}, {(ascending ? "ascending" : "descending")} pass, relative orbit {relativeOrbit}.");
        Keywords(w, "sar", "radar", "c-band", "grd", region.Name);
        Times(w, start, start, end);
        Platform(w, platform, collection.Constellation, "c-sar");
        w.WriteNumber("gsd", mode == "EW" ? 40 : 10);
        w.WriteString("sar:instrument_mode", mode);
        w.WriteString("sar:frequency_band", "C");
        w.WriteNumber("sar:center_frequency", 5.405);
        w.WriteStartArray("sar:polarizations");
        foreach (var polarization in polarizations)
        {
            w.WriteStringValue(polarization);
        }
        w.WriteEndArray();
        w.WriteString("sar:product_type", "GRD");
        w.WriteNumber("sar:resolution_range", mode == "EW" ? 93 : 20);
        w.WriteNumber("sar:resolution_azimuth", mode == "EW" ? 87 : 22);
        w.WriteNumber("sar:pixel_spacing_range", mode == "EW" ? 40 : 10);
        w.WriteNumber("sar:pixel_spacing_azimuth", mode == "EW" ? 40 : 10);
        w.WriteNumber("sar:looks_range", mode == "EW" ? 3 : 5);
        w.WriteNumber("sar:looks_azimuth", 1);
        w.WriteNumber("view:incidence_angle", Math.Round(29 + 17 * _random.NextDouble(), 2));
        Orbit(w, ascending ? "ascending" : "descending", relativeOrbit, absoluteOrbit);
        w.WriteString("processing:level", "L1");
        w.WriteEndObject();

        w.WriteStartObject("assets");
        var folder = $"{DataHost}/{collection.Id}/{start:yyyy/MM/dd}/{mode}/{id}";
        foreach (var polarization in polarizations)
        {
            Asset(w, polarization.ToLowerInvariant(), $"{folder}/measurement/{polarization.ToLowerInvariant()}.tif", Cog, $"{polarization} backscatter", ["data", "amplitude"], null, []);
        }
        Asset(w, "thumbnail", $"{folder}/preview/quick-look.png", "image/png", "Quick look", ["thumbnail"], null, []);
        Asset(w, "metadata", $"{folder}/manifest.safe", "application/xml", "Product manifest", ["metadata"], null, []);
        w.WriteEndObject();
        End(w);
    }

    /// <summary>Hyperspectral scenes of a 30 km swath, 30–90 km long, pointed up to 30° off nadir.</summary>
    private void Hyperspectral(Utf8JsonWriter w, CollectionSpec collection)
    {
        var region = PickRegion(oceanShare: 0.01);
        var (lon, lat) = Within(region, 80);
        var heading = 190 + Jitter(3);
        var length = 30 + 60 * _random.NextDouble();
        var platformIndex = _random.Next(collection.Platforms.Length);
        var platform = collection.Platforms[platformIndex];
        var datetime = Acquisition(lon, 11 + Jitter(0.3));
        var cloud = CloudCover(clear: 0.5);
        var absoluteOrbit = AbsoluteOrbit(datetime, 5000 + 7000 * platformIndex);
        var id = Unique($"SP{platformIndex + 1}_HSI_L2A_{Compact(datetime)}_{_random.Next(100000, 999999)}");
        var (sunElevation, sunAzimuth) = Sun(lat, datetime, 11);

        Begin(w, id, collection.Id, [Eo, View, Sat, Processing], Footprints.Place(Footprints.Strip(30, length, heading), lon, lat));
        w.WriteString("title", $"Spectra {platformIndex + 1} hyperspectral scene {datetime:yyyy-MM-dd HH:mm}");
        w.WriteString("description", $"Hyperspectral surface reflectance, 224 bands from 420 to 2450 nm, over {Pretty(region)}; {cloud:0.#}% cloud cover.");
        Keywords(w, "hyperspectral", "imaging spectroscopy", "surface reflectance", "l2a", region.Name);
        Times(w, datetime, null, null);
        Platform(w, platform, collection.Constellation, "hsi");
        w.WriteNumber("gsd", 30);
        w.WriteNumber("eo:cloud_cover", cloud);
        w.WriteNumber("view:off_nadir", Math.Round(30 * Math.Pow(_random.NextDouble(), 1.5), 2));
        w.WriteNumber("view:sun_elevation", sunElevation);
        w.WriteNumber("view:sun_azimuth", sunAzimuth);
        Orbit(w, "descending", _random.Next(1, 399), absoluteOrbit);
        w.WriteString("processing:level", "L2A");
        w.WriteEndObject();

        w.WriteStartObject("assets");
        var folder = $"{DataHost}/{collection.Id}/{datetime:yyyy/MM/dd}/{id}";
        Asset(w, "reflectance", $"{folder}/SPECTRAL_IMAGE.tif", Cog, "Surface reflectance cube (224 bands)", ["data", "reflectance"], 30, []);
        Asset(w, "quality", $"{folder}/QL_QUALITY_CLASSES.tif", Cog, "Quality classes", ["data", "quality"], 30, []);
        Asset(w, "thumbnail", $"{folder}/QL_VNIR.png", "image/png", "Quick look (VNIR)", ["thumbnail"], null, []);
        Asset(w, "metadata", $"{folder}/METADATA.xml", "application/xml", "Product metadata", ["metadata"], null, []);
        w.WriteEndObject();
        End(w);
    }

    /// <summary>Tasked strips of agile satellites: 10–17 km wide, 10–60 km long, any azimuth, 0.3–0.6 m.</summary>
    private void VeryHighResolution(Utf8JsonWriter w, CollectionSpec collection)
    {
        var region = PickRegion(oceanShare: 0.02);
        var (lon, lat) = Within(region, 80);
        var width = 10 + 7 * _random.NextDouble();
        var length = 10 + 50 * Math.Pow(_random.NextDouble(), 2);
        var heading = _random.NextDouble() * 360;
        var platformIndex = _random.Next(collection.Platforms.Length);
        var platform = collection.Platforms[platformIndex];
        var datetime = Acquisition(lon, 10.75 + Jitter(0.75));
        var cloud = CloudCover(clear: 0.7);
        var offNadir = Math.Round(30 * Math.Pow(_random.NextDouble(), 1.3), 2);
        var gsd = Math.Round((platformIndex < 2 ? 0.5 : 0.31) / Math.Pow(Math.Cos(offNadir * Math.PI / 180), 1.5), 2);
        var absoluteOrbit = AbsoluteOrbit(datetime, 10000 + 15000 * platformIndex);
        var catalogId = $"{platformIndex + 1:X}{_random.NextInt64(0x1000000000000, 0xFFFFFFFFFFFFF):X13}";
        var id = Unique($"VT{platformIndex + 1}_{Compact(datetime)}_P001_{catalogId}");
        var (sunElevation, sunAzimuth) = Sun(lat, datetime, 10.75);

        Begin(w, id, collection.Id, [Eo, View, Sat, Processing], Footprints.Place(Footprints.Strip(width, length, heading), lon, lat));
        w.WriteString("title", $"Vantage {platformIndex + 1} {gsd:0.00} m strip {datetime:yyyy-MM-dd HH:mm}");
        w.WriteString("description", $"Pan-sharpened and multispectral ortho-ready strip over {Pretty(region)}, {offNadir:0.#}° off nadir, {cloud:0.#}% cloud cover.");
        Keywords(w, "optical", "very high resolution", "pan-sharpened", "tasking", region.Name);
        Times(w, datetime, null, null);
        Platform(w, platform, collection.Constellation, "pan", "vnir");
        w.WriteNumber("gsd", gsd);
        w.WriteNumber("eo:cloud_cover", cloud);
        w.WriteNumber("view:off_nadir", offNadir);
        w.WriteNumber("view:azimuth", Math.Round(_random.NextDouble() * 360, 2));
        w.WriteNumber("view:sun_elevation", sunElevation);
        w.WriteNumber("view:sun_azimuth", sunAzimuth);
        Orbit(w, "descending", null, absoluteOrbit);
        w.WriteString("processing:level", "L1B");
        w.WriteEndObject();

        w.WriteStartObject("assets");
        var folder = $"{DataHost}/{collection.Id}/{datetime:yyyy/MM/dd}/{id}";
        Asset(w, "pan", $"{folder}/PAN.tif", Cog, "Panchromatic", ["data"], gsd, [("PAN", "pan", 0.625)]);
        Asset(w, "ms", $"{folder}/MS.tif", Cog, "Multispectral", ["data", "reflectance"], Math.Round(gsd * 4, 2),
            [("B1", "blue", 0.48), ("B2", "green", 0.545), ("B3", "red", 0.66), ("B4", "nir", 0.83)]);
        Asset(w, "visual", $"{folder}/PSH_RGB.tif", Cog, "Pan-sharpened true colour", ["visual", "data"], gsd,
            [("B3", "red", 0.66), ("B2", "green", 0.545), ("B1", "blue", 0.48)]);
        Asset(w, "thumbnail", $"{folder}/browse.png", "image/png", "Browse image", ["thumbnail"], null, []);
        Asset(w, "metadata", $"{folder}/metadata.xml", "application/xml", "Product metadata", ["metadata"], null, []);
        w.WriteEndObject();
        End(w);
    }

    private static void Begin(Utf8JsonWriter w, string id, string collection, string[] extensions, double[][] ring)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("stac_version", "1.1.0");
        w.WriteStartArray("stac_extensions");
        foreach (var extension in extensions)
        {
            w.WriteStringValue(extension);
        }
        w.WriteEndArray();
        w.WriteString("id", id);
        w.WriteString("collection", collection);
        w.WriteStartObject("geometry");
        w.WriteString("type", "Polygon");
        w.WriteStartArray("coordinates");
        w.WriteStartArray();
        double west = 180, south = 90, east = -180, north = -90;
        foreach (var point in ring)
        {
            w.WriteStartArray();
            w.WriteNumberValue(point[0]);
            w.WriteNumberValue(point[1]);
            w.WriteEndArray();
            (west, east) = (Math.Min(west, point[0]), Math.Max(east, point[0]));
            (south, north) = (Math.Min(south, point[1]), Math.Max(north, point[1]));
        }
        w.WriteEndArray();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("bbox");
        w.WriteNumberValue(west);
        w.WriteNumberValue(south);
        w.WriteNumberValue(east);
        w.WriteNumberValue(north);
        w.WriteEndArray();
        w.WriteStartObject("properties");
    }

    private static void End(Utf8JsonWriter w)
    {
        w.WriteStartArray("links");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Keywords(Utf8JsonWriter w, params string[] keywords)
    {
        w.WriteStartArray("keywords");
        foreach (var keyword in keywords)
        {
            w.WriteStringValue(keyword);
        }
        w.WriteEndArray();
    }

    private void Times(Utf8JsonWriter w, DateTimeOffset datetime, DateTimeOffset? start, DateTimeOffset? end)
    {
        w.WriteString("datetime", Rfc3339(datetime));
        if (start is { } s && end is { } e)
        {
            w.WriteString("start_datetime", Rfc3339(s));
            w.WriteString("end_datetime", Rfc3339(e));
        }
        var created = (end ?? datetime).AddMinutes(90 + _random.Next(0, 600));
        w.WriteString("created", Rfc3339(created));
        w.WriteString("updated", Rfc3339(created));
    }

    private static void Platform(Utf8JsonWriter w, string platform, string constellation, params string[] instruments)
    {
        w.WriteString("platform", platform);
        w.WriteString("constellation", constellation);
        w.WriteStartArray("instruments");
        foreach (var instrument in instruments)
        {
            w.WriteStringValue(instrument);
        }
        w.WriteEndArray();
    }

    private static void Orbit(Utf8JsonWriter w, string state, int? relative, int absolute)
    {
        w.WriteString("sat:orbit_state", state);
        if (relative is { } r)
        {
            w.WriteNumber("sat:relative_orbit", r);
        }
        w.WriteNumber("sat:absolute_orbit", absolute);
    }

    private static void Asset(Utf8JsonWriter w, string key, string href, string type, string title, string[] roles, double? gsd,
        (string Name, string Common, double Wavelength)[] bands)
    {
        w.WriteStartObject(key);
        w.WriteString("href", href);
        w.WriteString("type", type);
        w.WriteString("title", title);
        w.WriteStartArray("roles");
        foreach (var role in roles)
        {
            w.WriteStringValue(role);
        }
        w.WriteEndArray();
        if (gsd is { } value)
        {
            w.WriteNumber("gsd", value);
        }
        if (bands.Length > 0)
        {
            w.WriteStartArray("bands");
            foreach (var (name, common, wavelength) in bands)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("eo:common_name", common);
                w.WriteNumber("eo:center_wavelength", wavelength);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private Region PickRegion(double oceanShare)
    {
        if (_random.NextDouble() < oceanShare)
        {
            return Ocean;
        }
        var pick = _random.NextDouble() * _landWeight;
        foreach (var region in LandRegions)
        {
            if (pick < region.Weight)
            {
                return region;
            }
            pick -= region.Weight;
        }
        return LandRegions[^1];
    }

    /// <summary>A point of the region, uniform in area (denser in degrees towards the equator).</summary>
    private (double Lon, double Lat) Within(Region region, double maxLatitude)
    {
        var south = Math.Max(region.South, -maxLatitude) * Math.PI / 180;
        var north = Math.Min(region.North, maxLatitude) * Math.PI / 180;
        var sinLat = Math.Sin(south) + _random.NextDouble() * (Math.Sin(north) - Math.Sin(south));
        return (region.West + _random.NextDouble() * (region.East - region.West), Math.Asin(sinLat) * 180 / Math.PI);
    }

    /// <summary>A day of the five years at a local solar time, in UTC.</summary>
    private DateTimeOffset Acquisition(double longitude, double localSolarHours)
    {
        var day = _random.Next(1, Days - 1);
        var utcHours = localSolarHours - longitude / 15;
        return FirstDay.AddDays(day).AddHours(utcHours).AddMilliseconds(_random.Next(0, 60_000));
    }

    /// <summary>Cloud cover as archives show it: many clear scenes, many overcast ones, the rest in between.</summary>
    private double CloudCover(double clear)
    {
        var roll = _random.NextDouble();
        var value = roll < clear ? 10 * Math.Pow(_random.NextDouble(), 1.5)
            : roll < clear + (1 - clear) * 0.6 ? 10 + 60 * _random.NextDouble()
            : 70 + 30 * _random.NextDouble();
        return Math.Round(value, 2);
    }

    private static int AbsoluteOrbit(DateTimeOffset datetime, int atStart) => atStart + (int)((datetime - FirstDay).TotalDays * 14.3);

    /// <summary>Approximate sun elevation and azimuth at a latitude, date and local solar time.</summary>
    private static (double Elevation, double Azimuth) Sun(double latitude, DateTimeOffset datetime, double localSolarHours)
    {
        var declination = 23.44 * Math.Sin(2 * Math.PI * (datetime.DayOfYear - 81) / 365.0) * Math.PI / 180;
        var hourAngle = (localSolarHours - 12) * 15 * Math.PI / 180;
        var lat = latitude * Math.PI / 180;
        var sinElevation = Math.Sin(lat) * Math.Sin(declination) + Math.Cos(lat) * Math.Cos(declination) * Math.Cos(hourAngle);
        var elevation = Math.Asin(Math.Clamp(sinElevation, -1, 1));
        var azimuth = Math.Atan2(Math.Sin(hourAngle), Math.Cos(hourAngle) * Math.Sin(lat) - Math.Tan(declination) * Math.Cos(lat)) + Math.PI;
        return (Math.Round(elevation * 180 / Math.PI, 2), Math.Round(azimuth * 180 / Math.PI % 360, 2));
    }

    private static string TileCode(double lon, double lat, int column, int row)
    {
        const string bands = "CDEFGHJKLMNPQRSTUVWX";
        const string columns = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string rows = "ABCDEFGHJKLMNPQRSTUV";
        var zone = Math.Clamp((int)((lon + 180) / 6) + 1, 1, 60);
        var band = bands[Math.Clamp((int)((lat + 80) / 8), 0, bands.Length - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{zone:00}{band}{columns[((column % 24) + 24) % 24]}{rows[((row % 20) + 20) % 20]}");
    }

    private string Unique(string id)
    {
        var candidate = id;
        for (var n = 2; !_ids.Add(candidate); n++)
        {
            candidate = $"{id}_{n}";
        }
        return candidate;
    }

    private double Jitter(double amplitude) => (2 * _random.NextDouble() - 1) * amplitude;

    private static string Pretty(Region region) => region == Ocean ? "the open ocean" : region.Name.Replace('-', ' ');

    private static string Compact(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    public static string Rfc3339(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A STAC 1.1 Collection document for one of the collections.</summary>
    public static JsonObject CollectionDocument(CollectionSpec collection)
    {
        var (description, keywords, license, provider, instruments, gsd, extensions) = collection.Id switch
        {
            "optical-l2a" => ("Atmospherically corrected surface reflectance (Level-2A) of the Orbital Eye constellation, delivered as 109.8 km tiles of a 100 km grid; 13-band multispectral instrument, 10 m.",
                new[] { "optical", "multispectral", "surface reflectance", "l2a" }, "CC-BY-4.0", "Orbital Eye", new[] { "msi" }, new JsonArray(10), new[] { Eo, View, Sat, Processing }),
            "sar-grd" => ("C-band synthetic aperture radar, ground range detected: 250 km interferometric wide swath slices and strips, 400 km extra-wide swath; dual polarization.",
                new[] { "sar", "radar", "c-band", "grd" }, "CC-BY-4.0", "RadarSight", new[] { "c-sar" }, new JsonArray(10, 40), new[] { Sar, Sat, View, Processing }),
            "hyperspectral" => ("Imaging spectroscopy (224 bands, 420–2450 nm) surface reflectance scenes of a 30 km swath, pointable up to 30°.",
                new[] { "hyperspectral", "imaging spectroscopy", "surface reflectance", "l2a" }, "other", "Spectra Mission", new[] { "hsi" }, new JsonArray(30), new[] { Eo, View, Sat, Processing }),
            _ => ("Tasked very-high-resolution strips (0.3–0.6 m panchromatic, 4-band multispectral) of the Vantage constellation.",
                new[] { "optical", "very high resolution", "pan-sharpened", "tasking" }, "other", "Vantage Imaging", new[] { "pan", "vnir" }, (JsonNode)new JsonObject { ["minimum"] = 0.31, ["maximum"] = 0.6 },
                new[] { Eo, View, Sat, Processing }),
        };
        var summaries = new JsonObject
        {
            ["platform"] = new JsonArray(collection.Platforms.Select(p => (JsonNode)p).ToArray()),
            ["constellation"] = new JsonArray(collection.Constellation),
            ["instruments"] = new JsonArray(instruments.Select(i => (JsonNode)i).ToArray()),
            ["gsd"] = gsd,
        };
        // The processing extension requires one of its fields on a collection that declares it.
        summaries["processing:level"] = new JsonArray(collection.Id switch
        {
            "sar-grd" => "L1",
            "very-high-res" => "L1B",
            _ => "L2A",
        });
        if (extensions.Contains(Eo))
        {
            summaries["eo:cloud_cover"] = new JsonObject { ["minimum"] = 0, ["maximum"] = 100 };
        }
        var links = new JsonArray();
        if (license == "other")
        {
            links.Add(new JsonObject { ["rel"] = "license", ["href"] = $"https://marketplace.example/licenses/{collection.Id}", ["type"] = "text/html", ["title"] = "Licence" });
        }
        return new JsonObject
        {
            ["type"] = "Collection",
            ["stac_version"] = "1.1.0",
            ["stac_extensions"] = new JsonArray(extensions.Select(e => (JsonNode)e).ToArray()),
            ["id"] = collection.Id,
            ["title"] = collection.Title,
            ["description"] = description,
            ["keywords"] = new JsonArray(keywords.Select(k => (JsonNode)k).ToArray()),
            ["license"] = license,
            ["providers"] = new JsonArray(
                new JsonObject { ["name"] = provider, ["roles"] = new JsonArray("producer", "licensor"), ["url"] = $"https://{provider.ToLowerInvariant().Replace(' ', '-')}.example" },
                new JsonObject { ["name"] = "Satellite Data Marketplace", ["roles"] = new JsonArray("host") }),
            ["extent"] = new JsonObject
            {
                ["spatial"] = new JsonObject { ["bbox"] = new JsonArray(new JsonArray(-180, -90, 180, 90)) },
                ["temporal"] = new JsonObject { ["interval"] = new JsonArray(new JsonArray("2021-01-01T00:00:00Z", "2025-12-31T23:59:59Z")) },
            },
            ["summaries"] = summaries,
            ["links"] = links,
        };
    }

    /// <summary>Bytes of text, for the size of a data set.</summary>
    public static string Size(long bytes) => bytes >= 1 << 30 ? $"{bytes / (double)(1 << 30):0.0} GiB" : $"{bytes / (double)(1 << 20):0.0} MiB";

    /// <summary>The text of the first item, for a look at what is generated.</summary>
    public static string FirstLine(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return reader.ReadLine() ?? "";
    }
}
