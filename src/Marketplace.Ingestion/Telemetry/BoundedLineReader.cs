using System.Text;

namespace Marketplace.Ingestion.Telemetry;

/// <summary>
/// Splits text into lines (LF or CRLF) without ever holding more than <c>maxLineLength</c> characters of one line:
/// a longer line is cut and marked <see cref="TextLine.Truncated"/>, so a file with no line breaks cannot exhaust
/// memory.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxLineLength)
{
    private readonly char[] _buffer = new char[8192];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;
    private bool _ended;
    private long _lineNumber;

    /// <summary>Opens a UTF-8 reader (a byte-order mark selects another encoding) that leaves the stream open.</summary>
    public static StreamReader OpenText(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false),
            detectEncodingFromByteOrderMarks: true, bufferSize: 65536, leaveOpen: true);

    /// <summary>The next line, or <c>null</c> at the end of the text.</summary>
    public async ValueTask<TextLine?> ReadLineAsync(CancellationToken ct)
    {
        _line.Clear();
        var truncated = false;
        var sawText = false;
        while (true)
        {
            if (_start == _end)
            {
                if (_ended)
                {
                    break;
                }
                _start = 0;
                _end = await reader.ReadAsync(_buffer.AsMemory(), ct);
                if (_end == 0)
                {
                    _ended = true;
                    break;
                }
            }
            sawText = true;
            var available = _buffer.AsSpan(_start, _end - _start);
            var newline = available.IndexOf('\n');
            var content = newline < 0 ? available : available[..newline];
            var room = maxLineLength - _line.Length;
            if (content.Length > room)
            {
                _line.Append(content[..Math.Max(room, 0)]);
                truncated = true;
            }
            else
            {
                _line.Append(content);
            }
            _start += content.Length;
            if (newline >= 0)
            {
                _start++;
                return Complete(truncated);
            }
        }
        return sawText ? Complete(truncated) : null;
    }

    private TextLine Complete(bool truncated)
    {
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }
        _lineNumber++;
        return new TextLine(_line.ToString(), _lineNumber, truncated);
    }
}
