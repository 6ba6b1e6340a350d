using System.Text;

namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>
/// Reads CSV records (RFC 4180): fields separated by commas, records by CRLF (LF and CR are accepted too), fields
/// optionally in double quotes, a quote inside quotes written twice, line breaks allowed inside quotes. Fields longer
/// than <c>maxFieldLength</c> are cut and at most <c>maxFields</c> are kept per record, so one malformed record
/// cannot exhaust memory. Syntax problems go to <c>report</c> with the line they occur on.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, int maxFieldLength, int maxFields, Action<string, string, long> report)
{
    private const char Quote = '"';
    private const char Separator = ',';

    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private bool _ended;
    private long _line = 1;
    private bool _fieldTooLong;

    /// <summary>Line on which the last record read begins.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Fields in the last record read, including any beyond <c>maxFields</c> that were not kept.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; <c>false</c> at the end of the file.</summary>
    public async ValueTask<bool> ReadRecordAsync(List<string> fields, CancellationToken ct)
    {
        fields.Clear();
        FieldCount = 0;
        if (_position == _length && !await FillAsync(ct))
        {
            return false;
        }
        RecordLine = _line;
        var quoted = false;
        var wasQuoted = false;
        var afterClosingQuote = false;
        long quoteLine = 0;
        while (true)
        {
            if (_position == _length && !await FillAsync(ct))
            {
                if (quoted)
                {
                    report(TimeSeriesFindingCodes.CsvQuoteUnterminated,
                        "The file ends inside a quoted field opened on this line.", quoteLine);
                }
                EndField(fields);
                return true;
            }
            var c = _buffer[_position++];
            if (quoted)
            {
                if (c != Quote)
                {
                    if (c == '\n')
                    {
                        _line++;
                    }
                    Append(c);
                    continue;
                }
                if (_position == _length && !await FillAsync(ct))
                {
                    quoted = false;
                    afterClosingQuote = true;
                    continue;
                }
                if (_buffer[_position] == Quote)
                {
                    Append(Quote);
                    _position++;
                }
                else
                {
                    quoted = false;
                    afterClosingQuote = true;
                }
                continue;
            }
            switch (c)
            {
                case Separator:
                    EndField(fields);
                    wasQuoted = false;
                    afterClosingQuote = false;
                    continue;
                case '\r':
                    if ((_position < _length || await FillAsync(ct)) && _buffer[_position] == '\n')
                    {
                        _position++;
                    }
                    _line++;
                    EndField(fields);
                    return true;
                case '\n':
                    _line++;
                    EndField(fields);
                    return true;
                case Quote when _field.Length == 0 && !wasQuoted:
                    quoted = true;
                    wasQuoted = true;
                    quoteLine = _line;
                    continue;
                case Quote:
                    report(TimeSeriesFindingCodes.CsvQuoteInvalid,
                        "A double quote inside a field that is not enclosed in quotes.", _line);
                    Append(c);
                    continue;
            }
            if (afterClosingQuote)
            {
                report(TimeSeriesFindingCodes.CsvQuoteInvalid,
                    "Text after the closing quote of a field; a quoted field must end at a comma or line break.", _line);
                afterClosingQuote = false;
            }
            Append(c);
        }
    }

    private void Append(char c)
    {
        if (_field.Length < maxFieldLength)
        {
            _field.Append(c);
        }
        else
        {
            _fieldTooLong = true;
        }
    }

    private void EndField(List<string> fields)
    {
        if (_fieldTooLong)
        {
            report(TimeSeriesFindingCodes.CsvFieldTooLong,
                $"A field is longer than {maxFieldLength} characters; it was cut.", _line);
            _fieldTooLong = false;
        }
        FieldCount++;
        if (fields.Count < maxFields)
        {
            fields.Add(_field.ToString());
        }
        _field.Clear();
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (_ended)
        {
            return false;
        }
        _position = 0;
        _length = await reader.ReadAsync(_buffer.AsMemory(), ct);
        _ended = _length == 0;
        return !_ended;
    }
}
