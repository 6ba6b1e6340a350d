using System.Globalization;

namespace Marketplace.Cli.Uploads;

/// <summary>Byte counts for people: binary units with one decimal (1.5 MiB), bytes below 1 KiB.</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB"];

    public static string Format(double bytes)
    {
        if (Math.Abs(bytes) < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B");
        }
        var value = bytes;
        var unit = -1;
        while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Units[unit]}");
    }
}
