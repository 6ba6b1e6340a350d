using System.Collections.Frozen;
using System.Text;
using System.Xml;
using static System.FormattableString;

namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>
/// Reads Orbit Data Messages in NDM/XML (CCSDS 505.0-B): an <c>omm</c> or <c>oem</c> root, or several inside an
/// <c>ndm</c> root. Streams the document node by node: DTDs are prohibited, nothing external is resolved, text is
/// read in chunks and cut at <see cref="OrbitDataCheckOptions.MaxValueLength"/>, and nesting is limited to
/// <see cref="OrbitDataCheckOptions.MaxXmlDepth"/>, so memory stays bounded.
/// </summary>
/// <remarks>
/// Every leaf element becomes a keyword of the same name (<c>USER_DEFINED parameter="X"</c> becomes
/// <c>USER_DEFINED_X</c>); the version comes from the message element's <c>version</c> attribute;
/// <c>metadata</c> and <c>covarianceMatrix</c> elements open and close blocks; a <c>stateVector</c> becomes one
/// ephemeris line when its children are EPOCH, X, Y, Z, X_DOT, Y_DOT, Z_DOT and optionally X_DDOT, Y_DDOT, Z_DDOT.
/// </remarks>
internal static class NdmXmlReader
{
    private const string Ndm = "ndm";
    private const string Metadata = "metadata";
    private const string CovarianceMatrix = "covarianceMatrix";
    private const string StateVector = "stateVector";
    private const string UserDefined = "USER_DEFINED";

    private static readonly string[] StateVectorElements =
        ["EPOCH", "X", "Y", "Z", "X_DOT", "Y_DOT", "Z_DOT", "X_DDOT", "Y_DDOT", "Z_DDOT"];

    private const int PositionVelocityElements = 7;

    /// <summary>Elements that only group others; an empty one is not a keyword.</summary>
    private static readonly FrozenSet<string> Containers = new[]
    {
        Ndm, "header", "body", "segment", "data", Metadata, "meanElements", "spacecraftParameters", "tleParameters",
        CovarianceMatrix, "userDefinedParameters", StateVector,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Feeds each <paramref name="messageElement"/> message to a new handler; returns how many were read.</summary>
    public static async Task<int> ReadAsync(
        Stream stream,
        string messageElement,
        string versionKeyword,
        Func<IOrbitDataMessageHandler> newMessage,
        FindingCollector findings,
        OrbitDataCheckOptions settings,
        CancellationToken ct)
    {
        var xmlSettings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(stream, xmlSettings);
        var walk = new Walk(reader, messageElement, versionKeyword, newMessage, findings, settings);
        try
        {
            await walk.RunAsync(ct);
        }
        catch (XmlException e)
        {
            // Some refusals (a prohibited DTD) carry no position; then the fault is where the last good node ended.
            var at = e.LineNumber > 0 ? new SourcePosition(e.LineNumber, e.LinePosition) : walk.Resume;
            findings.Error(OrbitDataFindingCodes.XmlMalformed, Invariant($"The XML is not usable: {e.Message}"), at.ToString());
        }
        return walk.Messages;
    }

    /// <summary>One open element.</summary>
    private sealed class Frame(string name, SourcePosition position, bool ignored)
    {
        private StringBuilder? _text;

        public string Name { get; } = name;

        public SourcePosition Position { get; } = position;

        /// <summary>Inside an element that is not an expected message: nothing in it is read.</summary>
        public bool Ignored { get; } = ignored;

        public bool IsMessage { get; init; }

        public bool HasChildren { get; set; }

        public string? Parameter { get; set; }

        public bool Truncated { get; private set; }

        public string Text => _text?.ToString().Trim() ?? "";

        public void Append(ReadOnlySpan<char> text, int maxLength)
        {
            _text ??= new StringBuilder();
            var room = maxLength - _text.Length;
            if (text.Length > room)
            {
                _text.Append(text[..Math.Max(room, 0)]);
                Truncated = true;
            }
            else
            {
                _text.Append(text);
            }
        }
    }

    private sealed class Walk(
        XmlReader reader,
        string messageElement,
        string versionKeyword,
        Func<IOrbitDataMessageHandler> newMessage,
        FindingCollector findings,
        OrbitDataCheckOptions settings)
    {
        private readonly Stack<Frame> _open = new();
        private readonly char[] _chunk = new char[4096];
        private IOrbitDataMessageHandler? _message;
        private List<(string Name, string Value)>? _vector;
        private SourcePosition _vectorPosition;

        public int Messages { get; private set; }

        /// <summary>Where reading can be said to have got to: the start of the last node, or the end of the last whitespace.</summary>
        public SourcePosition Resume { get; private set; } = new(1, 1);

        public async Task RunAsync(CancellationToken ct)
        {
            while (await reader.ReadAsync())
            {
                ct.ThrowIfCancellationRequested();
                Resume = reader.NodeType == XmlNodeType.Whitespace ? After(Here(), reader.Value) : Here();
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (!Open())
                        {
                            return;
                        }
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                        await AppendTextAsync(ct);
                        break;
                    case XmlNodeType.EndElement:
                        Close(_open.Pop(), Here());
                        break;
                }
            }
        }

        private static SourcePosition After(SourcePosition start, string text)
        {
            var (line, position) = (start.Line, start.Position);
            foreach (var c in text)
            {
                (line, position) = c == '\n' ? (line + 1, 1) : (line, position + 1);
            }
            return new SourcePosition(line, position);
        }

        private SourcePosition Here()
        {
            var info = (IXmlLineInfo)reader;
            return new SourcePosition(info.LineNumber, info.LinePosition);
        }

        /// <summary>Handles a start tag; <c>false</c> stops the walk.</summary>
        private bool Open()
        {
            var position = Here();
            var name = reader.LocalName;
            _open.TryPeek(out var parent);
            if (parent is not null)
            {
                parent.HasChildren = true;
            }
            if (_open.Count >= settings.MaxXmlDepth)
            {
                findings.Error(OrbitDataFindingCodes.XmlMalformed,
                    Invariant($"Elements nest deeper than {settings.MaxXmlDepth} levels; reading stops here."), position.ToString());
                return false;
            }

            Frame frame;
            if (parent?.Ignored == true)
            {
                frame = new Frame(name, position, ignored: true);
            }
            else if (_message is null)
            {
                var atMessageLevel = parent is null || parent.Name == Ndm;
                if (atMessageLevel && name == messageElement)
                {
                    frame = new Frame(name, position, ignored: false) { IsMessage = true };
                    _message = newMessage();
                    Messages++;
                    if (reader.GetAttribute("version") is { } version)
                    {
                        _message.Keyword(versionKeyword, version, position);
                    }
                }
                else if (parent is null && name == Ndm)
                {
                    frame = new Frame(name, position, ignored: false);
                }
                else
                {
                    findings.Error(OrbitDataFindingCodes.MessageType,
                        Invariant($"<{name}> is not an <{messageElement}> message; its content is not checked."), position.ToString());
                    frame = new Frame(name, position, ignored: true);
                }
            }
            else
            {
                frame = new Frame(name, position, ignored: false);
                switch (name)
                {
                    case Metadata:
                        _message.MetadataStart(position);
                        break;
                    case CovarianceMatrix:
                        _message.CovarianceStart(position);
                        break;
                    case StateVector:
                        _vector = [];
                        _vectorPosition = position;
                        break;
                    case UserDefined:
                        frame.Parameter = reader.GetAttribute("parameter");
                        break;
                }
            }

            if (reader.IsEmptyElement)
            {
                Close(frame, position);
            }
            else
            {
                _open.Push(frame);
            }
            return true;
        }

        private async Task AppendTextAsync(CancellationToken ct)
        {
            if (!_open.TryPeek(out var frame) || frame.Ignored)
            {
                return;
            }
            if (!reader.CanReadValueChunk)
            {
                frame.Append(reader.Value, settings.MaxValueLength);
                return;
            }
            int read;
            while ((read = await reader.ReadValueChunkAsync(_chunk, 0, _chunk.Length)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                frame.Append(_chunk.AsSpan(0, read), settings.MaxValueLength);
            }
        }

        private void Close(Frame frame, SourcePosition end)
        {
            if (frame.Ignored || _message is null)
            {
                return;
            }
            if (frame.IsMessage)
            {
                _message.End(end);
                _message = null;
                return;
            }
            switch (frame.Name)
            {
                case Metadata:
                    _message.MetadataStop(end);
                    return;
                case CovarianceMatrix:
                    _message.CovarianceStop(end);
                    return;
                case StateVector:
                    EmitStateVector();
                    return;
            }
            if (frame.HasChildren || Containers.Contains(frame.Name))
            {
                return;
            }
            if (frame.Truncated)
            {
                findings.Error(OrbitDataFindingCodes.ValueTooLong,
                    Invariant($"The value of <{frame.Name}> is longer than {settings.MaxValueLength} characters."), frame.Position.ToString());
            }
            if (_vector is not null)
            {
                if (_vector.Count <= StateVectorElements.Length)
                {
                    _vector.Add((frame.Name, frame.Text));
                }
                return;
            }
            var keyword = frame.Name == UserDefined ? OrbitDataKeywords.UserDefinedPrefix + frame.Parameter : frame.Name;
            _message.Keyword(keyword, frame.Text, frame.Position);
        }

        private void EmitStateVector()
        {
            var vector = _vector ?? [];
            _vector = null;
            var names = vector.Select(v => v.Name).ToList();
            var expected = (names.Count == PositionVelocityElements || names.Count == StateVectorElements.Length) && names.SequenceEqual(StateVectorElements.Take(names.Count), StringComparer.Ordinal);
            if (!expected)
            {
                findings.Error(OrbitDataFindingCodes.OemEphemerisLine,
                    Invariant($"<stateVector> holds {string.Join(", ", names)}; expected EPOCH, X, Y, Z, X_DOT, Y_DOT, Z_DOT, optionally followed by X_DDOT, Y_DDOT, Z_DDOT."),
                    _vectorPosition.ToString());
                return;
            }
            _message?.DataLine(vector.Select(v => v.Value).ToList(), _vectorPosition);
        }
    }
}
