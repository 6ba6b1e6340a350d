using System.Globalization;
using System.Text;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Splits cql2-text into tokens following the lexical rules of OGC 21-065r2 CQL2 Annex B: identifiers
/// (<c>identifierStart</c>, <c>identifierPart</c>), double-quoted identifiers, single-quoted strings with
/// <c>''</c> and <c>\'</c> escapes, signed numbers, and punctuation.
/// </summary>
internal static class Cql2TextLexer
{
    /// <summary>Keywords after which an operand starts (so a following sign belongs to a number).</summary>
    private static readonly string[] OperatorKeywords = ["AND", "OR", "NOT", "LIKE", "BETWEEN", "IN"];

    public static List<Cql2Token> Tokenize(string text)
    {
        var tokens = new List<Cql2Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && IsWhitespace(text[i]))
            {
                i++;
            }
            if (i >= text.Length)
            {
                tokens.Add(new Cql2Token(Cql2TokenKind.End, "", text.Length, 0));
                return tokens;
            }
            var start = i;
            var c = text[i];
            if (c == '\'')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (c == '"')
            {
                tokens.Add(ReadQuotedIdentifier(text, ref i));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && NextIsDigit(text, i))
                     || (c is '-' or '+' && StartsOperand(tokens) && (NextIsDigit(text, i) || (At(text, i + 1) == '.' && NextIsDigit(text, i + 1)))))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (IsIdentifierStart(c))
            {
                i++;
                while (i < text.Length && IsIdentifierPart(text[i]))
                {
                    i++;
                }
                tokens.Add(new Cql2Token(Cql2TokenKind.Identifier, text[start..i], start, i - start));
            }
            else
            {
                var (kind, length) = c switch
                {
                    '(' => (Cql2TokenKind.LeftParen, 1),
                    ')' => (Cql2TokenKind.RightParen, 1),
                    '[' => (Cql2TokenKind.LeftBracket, 1),
                    ']' => (Cql2TokenKind.RightBracket, 1),
                    ',' => (Cql2TokenKind.Comma, 1),
                    '=' => (Cql2TokenKind.Equal, 1),
                    '<' when At(text, i + 1) == '>' => (Cql2TokenKind.NotEqual, 2),
                    '<' when At(text, i + 1) == '=' => (Cql2TokenKind.LessOrEqual, 2),
                    '<' => (Cql2TokenKind.Less, 1),
                    '>' when At(text, i + 1) == '=' => (Cql2TokenKind.GreaterOrEqual, 2),
                    '>' => (Cql2TokenKind.Greater, 1),
                    '+' or '-' or '*' or '/' or '^' or '%' => (Cql2TokenKind.Arithmetic, 1),
                    _ => throw new Cql2SyntaxException($"Unexpected character '{c}'", start + 1),
                };
                i += length;
                tokens.Add(new Cql2Token(kind, text.Substring(start, length), start, length));
            }
        }
    }

    private static Cql2Token ReadString(string text, ref int i)
    {
        var start = i;
        var value = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw new Cql2SyntaxException("Unterminated string literal", start + 1);
            }
            var c = text[i];
            if (c == '\'' && At(text, i + 1) == '\'')
            {
                value.Append('\'');
                i += 2;
            }
            else if (c == '\\' && At(text, i + 1) == '\'')
            {
                value.Append('\'');
                i += 2;
            }
            else if (c == '\'')
            {
                i++;
                return new Cql2Token(Cql2TokenKind.String, value.ToString(), start, i - start);
            }
            else
            {
                value.Append(c);
                i++;
            }
        }
    }

    private static Cql2Token ReadQuotedIdentifier(string text, ref int i)
    {
        var start = i;
        var end = text.IndexOf('"', i + 1);
        if (end < 0)
        {
            throw new Cql2SyntaxException("Unterminated double-quoted property name", start + 1);
        }
        if (end == i + 1)
        {
            throw new Cql2SyntaxException("Empty double-quoted property name", start + 1);
        }
        i = end + 1;
        return new Cql2Token(Cql2TokenKind.QuotedIdentifier, text[(start + 1)..end], start, i - start);
    }

    private static Cql2Token ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] is '+' or '-')
        {
            i++;
        }
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        if (At(text, i) == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }
        if (At(text, i) is 'e' or 'E')
        {
            var exponent = i + 1;
            if (At(text, exponent) is '+' or '-')
            {
                exponent++;
            }
            if (NextIsDigit(text, exponent - 1))
            {
                i = exponent;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }
        if (i < text.Length && IsIdentifierStart(text[i]))
        {
            throw new Cql2SyntaxException($"Malformed number '{text[start..(i + 1)]}'", start + 1);
        }
        return new Cql2Token(Cql2TokenKind.Number, text[start..i], start, i - start);
    }

    /// <summary>
    /// Whether a sign here begins a signed number (<c>signedNumericLiteral</c>) rather than being a minus or plus
    /// operator: only where an operand may start, i.e. not right after an operand.
    /// </summary>
    private static bool StartsOperand(List<Cql2Token> tokens)
    {
        if (tokens.Count == 0)
        {
            return true;
        }
        var previous = tokens[^1];
        return previous.Kind switch
        {
            Cql2TokenKind.Identifier => OperatorKeywords.Any(previous.IsKeyword),
            Cql2TokenKind.QuotedIdentifier or Cql2TokenKind.String or Cql2TokenKind.Number
                or Cql2TokenKind.RightParen or Cql2TokenKind.RightBracket => false,
            _ => true,
        };
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    private static bool NextIsDigit(string text, int index) => index + 1 < text.Length && char.IsAsciiDigit(text[index + 1]);

    private static bool IsWhitespace(char c) => char.IsWhiteSpace(c);

    /// <summary>Annex B <c>identifierStart</c>: colon, underscore and letters.</summary>
    private static bool IsIdentifierStart(char c) => c is ':' or '_' || char.IsLetter(c);

    /// <summary>Annex B <c>identifierPart</c>: adds the period, digits, combining marks and the ties ‿ ⁀.</summary>
    private static bool IsIdentifierPart(char c) =>
        IsIdentifierStart(c) || c == '.' || char.IsAsciiDigit(c) || c is '\u203F' or '\u2040'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
