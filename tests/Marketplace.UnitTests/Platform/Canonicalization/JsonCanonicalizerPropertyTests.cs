using System.Text.Json;
using Marketplace.Platform.Canonicalization;

namespace Marketplace.UnitTests.Platform.Canonicalization;

public sealed class JsonCanonicalizerPropertyTests
{
    private const int Seed = 8785;
    private const int TreeCount = 400;

    [Fact]
    public void Canonicalize_RandomTrees_MatchesTheReferenceAndReadsBackAsTheSameTree()
    {
        var json = new RandomJson(new Random(Seed));
        for (var i = 0; i < TreeCount; i++)
        {
            var tree = json.NextTree();
            var text = json.NextText(tree);
            using var input = JsonDocument.Parse(text);

            var canonical = JsonCanonicalizer.Canonicalize(input.RootElement);

            Assert.Equal(ReferenceJcs.Canonicalize(tree), canonical);
            Assert.Equal(canonical, JsonCanonicalizer.Canonicalize(tree));
            using var output = JsonDocument.Parse(canonical);
            Assert.True(ReferenceJcs.SameData(output.RootElement, tree), $"Tree {i} changed: {text}");
        }
    }

    [Fact]
    public void Canonicalize_CanonicalOutputOfRandomTrees_IsAFixedPoint()
    {
        var json = new RandomJson(new Random(Seed + 1));
        for (var i = 0; i < TreeCount; i++)
        {
            var canonical = JsonCanonicalizer.Canonicalize(json.NextTree());

            using var again = JsonDocument.Parse(canonical);
            Assert.Equal(canonical, JsonCanonicalizer.Canonicalize(again.RootElement));
        }
    }

    [Fact]
    public void Canonicalize_DifferentTextsOfOneRandomTree_GiveTheSameBytes()
    {
        var json = new RandomJson(new Random(Seed + 2));
        for (var i = 0; i < TreeCount; i++)
        {
            var tree = json.NextTree();
            using var first = JsonDocument.Parse(json.NextText(tree));
            using var second = JsonDocument.Parse(json.NextText(tree));

            Assert.Equal(JsonCanonicalizer.Canonicalize(first.RootElement),
                JsonCanonicalizer.Canonicalize(second.RootElement));
        }
    }

    [Fact]
    public void Canonicalize_RandomTrees_HasNoWhitespaceBetweenTokens()
    {
        var json = new RandomJson(new Random(Seed + 3));
        for (var i = 0; i < TreeCount; i++)
        {
            var canonical = JsonCanonicalizer.Canonicalize(json.NextTree());

            var reader = new Utf8JsonReader(canonical);
            long previousEnd = 0;
            while (reader.Read())
            {
                var gap = canonical.AsSpan((int)previousEnd, (int)(reader.TokenStartIndex - previousEnd));
                Assert.True(gap.IsEmpty || gap.SequenceEqual(","u8) || gap.SequenceEqual(":"u8),
                    $"Unexpected bytes between tokens at offset {previousEnd}.");
                previousEnd = reader.BytesConsumed;
            }
            Assert.Equal(canonical.Length, previousEnd);
        }
    }

    [Fact]
    public void Format_RandomDoubles_MatchesTheReferenceNumberSerialization()
    {
        var random = new Random(Seed + 4);
        for (var i = 0; i < 20_000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (!double.IsFinite(value))
            {
                continue;
            }

            Assert.Equal(ReferenceJcs.Number(value), EcmaScriptNumberFormatter.Format(value));
        }
    }
}
