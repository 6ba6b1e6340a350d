using System.Buffers;
using System.Globalization;
using System.Text;
using Marketplace.Platform.Outcomes;

namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// What a client's file name may be. It is a label kept with the upload and shown back, never a path: the blob's name
/// is made by the server. Names that would mislead as a path or on screen are refused rather than rewritten.
/// </summary>
public static class UploadFileNames
{
    public const int MaxLength = 255;

    public static void Check(string? name, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxLength)
        {
            errors.Add(field, $"A file name of 1 to {MaxLength} characters is required.");
            return;
        }
        if (!IsWellFormed(name))
        {
            errors.Add(field, "The file name must be valid Unicode text.");
        }
        else if (name.Any(IsHidden))
        {
            errors.Add(field, "The file name must not contain control characters or invisible formatting characters (such as direction overrides).");
        }
        if (name.AsSpan().IndexOfAny('/', '\\') >= 0)
        {
            errors.Add(field, "The file name is a name, not a path: it must not contain '/' or '\\'.");
        }
        if (name.Trim().Trim('.').Length == 0)
        {
            errors.Add(field, "Names made only of dots ('.', '..') are not file names.");
        }
    }

    private static bool IsWellFormed(string name)
    {
        var rest = name.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }
            rest = rest[consumed..];
        }
        return true;
    }

    private static bool IsHidden(char c) => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse;
}
