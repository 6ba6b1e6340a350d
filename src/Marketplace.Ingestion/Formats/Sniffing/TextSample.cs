using System.Buffers;
using System.Text.Unicode;

namespace Marketplace.Ingestion.Formats.Sniffing;

/// <summary>
/// Decides whether content is text: valid UTF-8 (a byte-order mark is allowed; a sequence cut by the end of the head
/// is tolerated) with no control characters but tab, line feed, carriage return and form feed. Other encodings are
/// not accepted as text.
/// </summary>
internal static class TextSample
{
    /// <summary>The UTF-8 byte-order mark.</summary>
    public static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>The head without a UTF-8 byte-order mark.</summary>
    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> head) =>
        head.StartsWith(ByteOrderMark) ? head[ByteOrderMark.Length..] : head;

    public static bool TryDecode(ReadOnlySpan<byte> head, bool complete, out string text)
    {
        text = "";
        var bytes = WithoutByteOrderMark(head);
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false, isFinalBlock: complete);
        if (status == OperationStatus.InvalidData)
        {
            return false;
        }
        var span = chars.AsSpan(0, written);
        foreach (var c in span)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                return false;
            }
        }
        text = new string(span);
        return true;
    }

    /// <summary>The lines of <paramref name="text"/> without terminators, the last one dropped when the head may have cut it.</summary>
    public static List<string> Lines(string text, bool complete)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (!complete && lines.Count > 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }
}
