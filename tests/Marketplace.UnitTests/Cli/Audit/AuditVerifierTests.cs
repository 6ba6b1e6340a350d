using System.Text;
using Marketplace.Cli.Audit;
using Marketplace.Cli.Http;
using Marketplace.Platform.Audit;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.UnitTests.Cli.Audit;

public sealed class AuditVerifierTests : IDisposable
{
    private static readonly AuditVerifyOptions FromScratch = new() { FromScratch = true };
    private static readonly AuditVerifyOptions VisibleEntries = new() { CheckVisibleEntries = true };

    private readonly FakeAuditLog _log = new(entries: 7);
    private readonly HttpClient _http;
    private readonly AuditVerifier _verifier;

    public AuditVerifierTests()
    {
        _http = new HttpClient(_log.CreateHandler()) { BaseAddress = FakeAuditLog.BaseUrl };
        _verifier = new AuditVerifier(new MarketplaceApi(_http, new ManualClock(_log.Now), new ClientCredentials("demo-auditor", "secret")));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _http.Dispose();
        _log.Dispose();
    }

    [Fact]
    public async Task Verify_CorrectLogFromScratch_VerifiesEveryEntryAndTheRoot()
    {
        var head = _log.PublishHead();

        var result = await _verifier.VerifyAsync(null, FromScratch, Ct);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(head, result.TreeHead);
        Assert.Equal(7, result.EntriesChecked);
        Assert.Equal(0, result.ProofsChecked);
    }

    [Fact]
    public async Task Verify_MoreEntriesThanOnePage_PagesThroughTenThousandAtATime()
    {
        using var log = new FakeAuditLog(entries: 10_003);
        log.PublishHead();
        using var http = new HttpClient(log.CreateHandler()) { BaseAddress = FakeAuditLog.BaseUrl };
        var verifier = new AuditVerifier(new MarketplaceApi(http, TimeProvider.System, new ClientCredentials("demo-auditor", "secret")));

        var result = await verifier.VerifyAsync(null, FromScratch, Ct);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(10_003, result.EntriesChecked);
        Assert.Equal(["GET /audit/entries?start=0&end=10000", "GET /audit/entries?start=10000&end=10003"],
            log.Requests.Where(r => r.Contains("/audit/entries", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Verify_HeadOnly_ChecksTheSignatureWithoutReadingEntries()
    {
        _log.PublishHead();

        var result = await _verifier.VerifyAsync(null, new AuditVerifyOptions(), Ct);

        Assert.True(result.Ok);
        Assert.Equal(0, result.EntriesChecked);
        Assert.DoesNotContain(_log.Requests, r => r.Contains("/audit/entries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_NoTreeHeadYet_IsOkWithNothingVerified()
    {
        var result = await _verifier.VerifyAsync(null, FromScratch, Ct);

        Assert.True(result.Ok);
        Assert.Null(result.TreeHead);
    }

    [Fact]
    public async Task Verify_NoTreeHeadAfterOneWasVerified_Fails()
    {
        var result = await _verifier.VerifyAsync(new VerifiedState(3, Convert.ToBase64String(_log.RootHash(3))), FromScratch, Ct);

        Assert.False(result.Ok);
        Assert.Contains("tree size 3 was verified before", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChangedEntryByte_FailsNamingTheLeaf()
    {
        _log.PublishHead();
        var tampered = _log.Entry(4).ToArray();
        var at = Encoding.UTF8.GetString(tampered).IndexOf("change number", StringComparison.Ordinal);
        tampered[at] = (byte)'C';   // still canonical JSON, and the entry object is parsed from the same bytes
        _log.ServedLeafInputs[4] = tampered;

        var result = await _verifier.VerifyAsync(null, FromScratch, Ct);

        Assert.False(result.Ok);
        Assert.Equal(2, result.Problems.Count);
        Assert.StartsWith("Tree size 7: the root recomputed from all 7 entries", result.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Leaf 4: the first entry that differs from the signed tree; the first 4 entries are consistent", result.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChangedEntryByteWithInclusionProofs_FailsNamingTheLeaf()
    {
        _log.PublishHead();
        var tampered = _log.Entry(2).ToArray();
        tampered[^3] ^= 0x01;
        _log.ServedLeafInputs[2] = tampered;

        var result = await _verifier.VerifyAsync(null, VisibleEntries, Ct);

        Assert.False(result.Ok);
        Assert.Equal(7, result.ProofsChecked);
        Assert.StartsWith("Leaf 2: the inclusion proof for tree size 7 does not verify", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WrongRootSigned_FailsFromScratch()
    {
        var wrongRoot = _log.RootHash(6);
        _log.LatestHead = _log.Signer.Sign(7, wrongRoot, _log.Now);

        var result = await _verifier.VerifyAsync(null, FromScratch, Ct);

        Assert.False(result.Ok);
        Assert.Contains($"differs from the signed root {Convert.ToBase64String(wrongRoot)}", result.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Tree size 7:", result.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Leaf 0: not even the first entry is consistent", result.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_BadSignature_Fails()
    {
        var head = _log.PublishHead();
        var parts = head.Signature.Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[10] ^= 0x80;
        _log.LatestHead = head with { Signature = $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}" };

        var result = await _verifier.VerifyAsync(null, new AuditVerifyOptions(), Ct);

        Assert.False(result.Ok);
        Assert.Equal("Tree head of size 7: the signature does not verify.", Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Verify_HeadStatingAnotherSizeThanSigned_Fails()
    {
        _log.LatestHead = _log.PublishHead() with { TreeSize = 8 };

        var result = await _verifier.VerifyAsync(null, new AuditVerifyOptions(), Ct);

        Assert.False(result.Ok);
        Assert.Equal("Tree head of size 8: the signed payload is not the stated tree size, root hash and timestamp.", Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Verify_MalformedSignature_FailsWithoutThrowing()
    {
        _log.LatestHead = _log.PublishHead() with { Signature = "not-base64!.x.y" };

        var result = await _verifier.VerifyAsync(null, new AuditVerifyOptions(), Ct);

        Assert.False(result.Ok);
        Assert.StartsWith("Tree head of size 7: the signature is malformed", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_GrownLogConsistentWithPreviousHead_ChecksOneConsistencyProof()
    {
        var previous = _log.PublishHead();
        _log.Append(7);
        _log.Append(8);
        _log.PublishHead();

        var result = await _verifier.VerifyAsync(new VerifiedState(previous.TreeSize, previous.RootHash), new AuditVerifyOptions(), Ct);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(1, result.ProofsChecked);
        Assert.Contains("GET /audit/proof/consistency?first=7&second=9", _log.Requests);
    }

    [Fact]
    public async Task Verify_InconsistentSecondHead_FailsNamingBothSizes()
    {
        var previous = _log.PublishHead();
        _log.Rewrite(3, "history rewritten");
        _log.Append(7);
        _log.PublishHead();

        var result = await _verifier.VerifyAsync(new VerifiedState(previous.TreeSize, previous.RootHash), new AuditVerifyOptions(), Ct);

        Assert.False(result.Ok);
        Assert.StartsWith($"The consistency proof from tree size 7 (root {previous.RootHash}) to tree size 8", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SameSizeDifferentRoot_Fails()
    {
        var previous = _log.PublishHead();
        _log.Rewrite(0, "history rewritten");
        var current = _log.PublishHead();

        var result = await _verifier.VerifyAsync(new VerifiedState(previous.TreeSize, previous.RootHash), new AuditVerifyOptions(), Ct);

        Assert.False(result.Ok);
        Assert.Equal(
            $"Tree size 7: the signed root hash {current.RootHash} differs from the root hash {previous.RootHash} verified before for the same size: the log was rewritten.",
            Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Verify_LogShrank_Fails()
    {
        _log.PublishHead();

        var result = await _verifier.VerifyAsync(new VerifiedState(9, Convert.ToBase64String(new byte[32])), new AuditVerifyOptions(), Ct);

        Assert.False(result.Ok);
        Assert.Equal("The log shrank: tree size 9 was verified before, but the latest signed tree head has size 7.", Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Verify_EntriesHiddenFromTheCaller_FromScratchAsksForAnAuditor()
    {
        _log.PublishHead();
        _log.Hidden.UnionWith([2, 3]);

        var result = await _verifier.VerifyAsync(null, FromScratch, Ct);

        Assert.False(result.Ok);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("Leaf 2 is missing (the next entry served is leaf 4)", problem, StringComparison.Ordinal);
        Assert.Contains("auditor", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TrailingEntriesHidden_FromScratchNamesTheMissingRange()
    {
        _log.PublishHead();
        _log.Hidden.UnionWith([5, 6]);

        var result = await _verifier.VerifyAsync(null, FromScratch, Ct);

        Assert.StartsWith("Leaves 5 to 6 are missing", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_VisibleEntriesOnly_ChecksAnInclusionProofForEach()
    {
        _log.PublishHead();
        _log.Hidden.UnionWith([0, 2, 3, 6]);

        var result = await _verifier.VerifyAsync(null, VisibleEntries, Ct);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(3, result.EntriesChecked);
        Assert.Equal(3, result.ProofsChecked);
    }

    [Fact]
    public async Task Verify_NonCanonicalLeafInput_FailsNamingTheLeaf()
    {
        _log.PublishHead();
        _log.ServedLeafInputs[1] = [.. Encoding.UTF8.GetBytes(" "), .. _log.Entry(1)];

        var result = await _verifier.VerifyAsync(null, FromScratch, Ct);

        Assert.False(result.Ok);
        Assert.Equal("Leaf 1: leaf_input is not canonical JSON (RFC 8785); it departs from its canonical form at byte 0.", result.Problems[0]);
        Assert.Contains(result.Problems, p => p.StartsWith("Leaf 1: the first entry that differs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_EntryObjectDifferentFromLeafInput_FailsNamingTheLeaf()
    {
        _log.PublishHead();
        _log.ServedEntryObjects[5] = """{"action":"nothing to see"}""";

        var result = await _verifier.VerifyAsync(null, FromScratch, Ct);

        Assert.False(result.Ok);
        Assert.Equal("Leaf 5: the entry object differs from the entry in leaf_input.", Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Verify_ManyBadEntries_ReportsTheFirstAndCountsTheRest()
    {
        _log.PublishHead();
        for (var i = 0; i < 7; i++)
        {
            _log.ServedEntryObjects[i] = "{}";
        }

        var result = await _verifier.VerifyAsync(null, FromScratch with { MaxEntryProblems = 2 }, Ct);

        Assert.Equal(
            ["Leaf 0: the entry object differs from the entry in leaf_input.", "Leaf 1: the entry object differs from the entry in leaf_input.",
             "… and 5 more problems with single entries."],
            result.Problems);
    }

    [Fact]
    public async Task Verify_SignedHeadLargerThanTheLogServed_Fails()
    {
        _log.LatestHead = _log.Signer.Sign(9, _log.RootHash(7), _log.Now);

        var result = await _verifier.VerifyAsync(null, FromScratch, Ct);

        Assert.Equal("Tree size 9: the log reports only 7 entries, fewer than its signed tree head.", Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Verify_EmptyTreeVerifiedBefore_AnyHeadIsConsistent()
    {
        _log.PublishHead();

        var result = await _verifier.VerifyAsync(new VerifiedState(0, Convert.ToBase64String(MerkleHash.EmptyRoot)), new AuditVerifyOptions(), Ct);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
    }
}
