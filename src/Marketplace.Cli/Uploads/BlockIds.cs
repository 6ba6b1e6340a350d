using System.Globalization;
using System.Text;

namespace Marketplace.Cli.Uploads;

/// <summary>
/// The block ids of an upload's plan, as the server defines them (<c>blocks.idFormat</c>): base64 of the block
/// number as 6 decimal digits, e.g. block 7 is base64("000007") = "MDAwMDA3".
/// </summary>
internal static class BlockIds
{
    public static string For(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 999_999);
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(number.ToString("D6", CultureInfo.InvariantCulture)));
    }
}
