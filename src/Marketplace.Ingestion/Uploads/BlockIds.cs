using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// Block ids of the upload's block plan. Blob storage wants base64 ids of equal length within a blob; block number
/// <c>n</c> has the id base64(ASCII of <c>n</c> as 6 decimal digits), e.g. block 7 is base64("000007") = "MDAwMDA3".
/// </summary>
public static class BlockIds
{
    public const string Format = "base64 of the block number as 6 decimal digits, e.g. block 7 = base64(\"000007\") = \"MDAwMDA3\"";

    /// <summary>Blob storage limits a block id to 64 bytes before encoding.</summary>
    public const int MaxIdBytes = 64;

    private const int Digits = 6;

    public static string For(int number) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(number.ToString("D6", CultureInfo.InvariantCulture)));

    /// <summary>The block number of an id of the plan, or null for an id of another scheme.</summary>
    public static int? NumberOf(string id)
    {
        Span<byte> bytes = stackalloc byte[MaxIdBytes];
        if (id.Length != 8 || !Convert.TryFromBase64String(id, bytes, out var written) || written != Digits)
        {
            return null;
        }
        var number = 0;
        foreach (var b in bytes[..Digits])
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return null;
            }
            number = (number * 10) + (b - '0');
        }
        return number;
    }

    /// <summary>Is the id one Blob storage accepts: base64 of 1 to 64 bytes?</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && !id.Any(char.IsWhiteSpace)
        && Base64.IsValid(id, out var decodedLength) && decodedLength is > 0 and <= MaxIdBytes;
}
