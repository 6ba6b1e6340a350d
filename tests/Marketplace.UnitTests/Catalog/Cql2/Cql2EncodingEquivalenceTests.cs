using System.Text.Json;
using Marketplace.Catalog.Cql2;

namespace Marketplace.UnitTests.Catalog.Cql2;

/// <summary>
/// The examples of OGC 21-065r2 CQL2 (clauses 6 and 7, and the schema/examples folder of the standard) in both
/// encodings parse to the same tree. Where the standard's two versions of an example disagree on a property name,
/// the text's name is used for both.
/// </summary>
public sealed class Cql2EncodingEquivalenceTests
{
    public static TheoryData<string, string> SpecExamples => new()
    {
        {
            "landsat:scene_id = 'LC82030282019133LGN00'",
            """{"op": "=", "args": [{"property": "landsat:scene_id"}, "LC82030282019133LGN00"]}"""
        },
        {
            "city='Toronto'",
            """{"op": "=", "args": [{"property": "city"}, "Toronto"]}"""
        },
        {
            "updated >= date('1970-01-01')",
            """{"op": ">=", "args": [{"property": "updated"}, {"date": "1970-01-01"}]}"""
        },
        {
            "geometry IS NOT NULL",
            """{"op": "not", "args": [{"op": "isNull", "args": [{"property": "geometry"}]}]}"""
        },
        {
            "name LIKE 'Smith%'",
            """{"op": "like", "args": [{"property": "name"}, "Smith%"]}"""
        },
        {
            "depth BETWEEN 100.0 and 150.0",
            """{"op": "between", "args": [{"property": "depth"}, 100.0, 150.0]}"""
        },
        {
            "cityName IN ('Toronto','Frankfurt','Tokyo','New York')",
            """{"op": "in", "args": [{"property": "cityName"}, ["Toronto", "Frankfurt", "Tokyo", "New York"]]}"""
        },
        {
            "category NOT IN (1,2,3,4)",
            """{"op": "not", "args": [{"op": "in", "args": [{"property": "category"}, [1, 2, 3, 4]]}]}"""
        },
        {
            "CASEI(road_class) IN (CASEI('Οδος'),CASEI('Straße'))",
            """{"op": "in", "args": [{"op": "casei", "args": [{"property": "road_class"}]}, [{"op": "casei", "args": ["Οδος"]}, {"op": "casei", "args": ["Straße"]}]]}"""
        },
        {
            "ACCENTI(etat_vol) = ACCENTI('débárquér')",
            """{"op": "=", "args": [{"op": "accenti", "args": [{"property": "etat_vol"}]}, {"op": "accenti", "args": ["débárquér"]}]}"""
        },
        {
            "S_INTERSECTS(geometry,POINT(36.319836 32.288087))",
            """{"op": "s_intersects", "args": [{"property": "geometry"}, {"type": "Point", "coordinates": [36.319836, 32.288087]}]}"""
        },
        {
            "S_INTERSECTS(geometry,POLYGON((36.319836 32.288087,36.320041 32.288032,36.320210 32.288402,36.320008 32.288458,36.319836 32.288087)))",
            """{"op": "s_intersects", "args": [{"property": "geometry"}, {"type": "Polygon", "coordinates": [[[36.319836, 32.288087], [36.320041, 32.288032], [36.320210, 32.288402], [36.320008, 32.288458], [36.319836, 32.288087]]]}]}"""
        },
        {
            "S_CROSSES(LINESTRING(43.72992 -79.2998, 43.73005 -79.2991, 43.73006 -79.2984), POLYGON((43.7286 -79.2986, 43.7311 -79.2996, 43.7323 -79.2972, 43.7286 -79.2986)))",
            """{"op": "s_crosses", "args": [{"type": "LineString", "coordinates": [[43.72992, -79.2998], [43.73005, -79.2991], [43.73006, -79.2984]]}, {"type": "Polygon", "coordinates": [[[43.7286, -79.2986], [43.7311, -79.2996], [43.7323, -79.2972], [43.7286, -79.2986]]]}]}"""
        },
        {
            "S_INTERSECTS(geometry,BBOX(-128.098193, -1.1, -99999.0, 180.0, 90.0, 100000.0))",
            """{"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [-128.098193, -1.1, -99999.0, 180.0, 90.0, 100000.0]}]}"""
        },
        {
            "T_INTERSECTS(event_time, INTERVAL('1969-07-16T05:32:00Z', '1969-07-24T16:50:35Z'))",
            """{"op": "t_intersects", "args": [{"property": "event_time"}, {"interval": ["1969-07-16T05:32:00Z", "1969-07-24T16:50:35Z"]}]}"""
        },
        {
            "T_DURING(INTERVAL('1969-07-20T20:17:40Z', '1969-07-21T17:54:00Z'), INTERVAL('1969-07-16T13:32:00Z', '1969-07-24T16:50:35Z'))",
            """{"op": "t_during", "args": [{"interval": ["1969-07-20T20:17:40Z", "1969-07-21T17:54:00Z"]}, {"interval": ["1969-07-16T13:32:00Z", "1969-07-24T16:50:35Z"]}]}"""
        },
        {
            "T_INTERSECTS(datetime, INTERVAL('2019-09-09', '..'))",
            """{"op": "t_intersects", "args": [{"property": "datetime"}, {"interval": ["2019-09-09", ".."]}]}"""
        },
        {
            "A_CONTAINS(layer:ids, ('layers-ca','layers-us'))",
            """{"op": "a_contains", "args": [{"property": "layer:ids"}, ["layers-ca", "layers-us"]]}"""
        },
        {
            "ro:cloud_cover=0.1 OR ro:cloud_cover=0.2",
            """{"op": "or", "args": [{"op": "=", "args": [{"property": "ro:cloud_cover"}, 0.1]}, {"op": "=", "args": [{"property": "ro:cloud_cover"}, 0.2]}]}"""
        },
        {
            "beamMode='ScanSAR Narrow' AND swathDirection='ascending' AND polarization='HH+VV+HV+VH' AND s_intersects(geometry,POLYGON((-77.117938 38.936860, -77.040604 39.995648, -76.910536 38.892912, -77.039359 38.791753, -77.117938 38.936860)))",
            """
            {"op": "and", "args": [
              {"op": "=", "args": [{"property": "beamMode"}, "ScanSAR Narrow"]},
              {"op": "=", "args": [{"property": "swathDirection"}, "ascending"]},
              {"op": "=", "args": [{"property": "polarization"}, "HH+VV+HV+VH"]},
              {"op": "s_intersects", "args": [{"property": "geometry"}, {"type": "Polygon", "coordinates": [[[-77.117938, 38.936860], [-77.040604, 39.995648], [-76.910536, 38.892912], [-77.039359, 38.791753], [-77.117938, 38.936860]]]}]}
            ]}
            """
        },
        {
            "eo:cloud_cover BETWEEN 0 AND 10 AND NOT (platform = 'landsat-8' OR instruments IS NULL)",
            """
            {"op": "and", "args": [
              {"op": "between", "args": [{"property": "eo:cloud_cover"}, 0, 10]},
              {"op": "not", "args": [{"op": "or", "args": [
                {"op": "=", "args": [{"property": "platform"}, "landsat-8"]},
                {"op": "isNull", "args": [{"property": "instruments"}]}
              ]}]}
            ]}
            """
        },
        {
            "T_AFTER(start_datetime, TIMESTAMP('2024-01-01T00:00:00.123Z')) AND A_OVERLAPS(instruments, ('msi', 1, TRUE))",
            """{"op": "and", "args": [{"op": "t_after", "args": [{"property": "start_datetime"}, {"timestamp": "2024-01-01T00:00:00.123Z"}]}, {"op": "a_overlaps", "args": [{"property": "instruments"}, ["msi", 1, true]]}]}"""
        },
    };

    [Theory]
    [MemberData(nameof(SpecExamples))]
    public void TextAndJson_OfTheSameFilter_ParseToEqualTrees(string text, string json)
    {
        using var document = JsonDocument.Parse(json);

        var fromText = Cql2TextParser.Parse(text);
        var fromJson = Cql2JsonParser.Parse(document.RootElement);

        Assert.Equal(fromJson, fromText);
        Assert.Equal(fromJson.GetHashCode(), fromText.GetHashCode());
    }

    [Fact]
    public void DifferentFilters_AreNotEqual()
    {
        using var document = JsonDocument.Parse("""{"op": "in", "args": [{"property": "category"}, [1, 2, 3]]}""");

        Assert.NotEqual(Cql2JsonParser.Parse(document.RootElement), Cql2TextParser.Parse("category IN (1,2,3,4)"));
    }
}
