using Marketplace.Cli.Configuration;
using Marketplace.Cli.Uploads;

namespace Marketplace.UnitTests.Cli.Uploads;

public sealed class UploadStateFileTests : IDisposable
{
    private const string Server = "http://marketplace.test/";
    private const string Client = "demo-uploader";

    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-upload-state-").FullName;
    private readonly ManualClock _clock = new(Now);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string StatePath => Path.Combine(_folder, "state", "uploads.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Find_NoFileYet_FindsNothing()
    {
        var state = new UploadStateFile(StatePath, _clock);

        Assert.Null(await state.FindAsync(Server, Client, File("scene.tif", 10), Ct));
        Assert.Empty((await state.LoadAsync(Ct)).Uploads);
    }

    [Fact]
    public async Task Save_ThenFindTheSameFile_GivesTheUploadBack()
    {
        var state = new UploadStateFile(StatePath, _clock);
        var file = File("scene.tif", 10);
        var entry = Entry(file);

        await state.SaveAsync(entry, Ct);

        Assert.Equal(entry, await new UploadStateFile(StatePath, _clock).FindAsync(Server, Client, file, Ct));
    }

    [Fact]
    public async Task Find_FileChangedSince_FindsNothing()
    {
        var state = new UploadStateFile(StatePath, _clock);
        var file = File("scene.tif", 10);
        await state.SaveAsync(Entry(file), Ct);

        Assert.Null(await state.FindAsync(Server, Client, file with { Size = 11 }, Ct));
        Assert.Null(await state.FindAsync(Server, Client, file with { LastWriteTime = file.LastWriteTime.AddTicks(1) }, Ct));
        Assert.Null(await state.FindAsync(Server, Client, file with { Path = file.Path + ".copy" }, Ct));
    }

    [Fact]
    public async Task Find_OtherServerOrClient_FindsNothing()
    {
        var state = new UploadStateFile(StatePath, _clock);
        var file = File("scene.tif", 10);
        await state.SaveAsync(Entry(file), Ct);

        Assert.Null(await state.FindAsync("http://other.test/", Client, file, Ct));
        Assert.Null(await state.FindAsync(Server, "demo-provider-admin", file, Ct));
    }

    [Fact]
    public async Task Find_UploadExpired_FindsNothing()
    {
        var state = new UploadStateFile(StatePath, _clock);
        var file = File("scene.tif", 10);
        await state.SaveAsync(Entry(file), Ct);

        _clock.Now = Now.AddDays(2);

        Assert.Null(await state.FindAsync(Server, Client, file, Ct));
    }

    [Fact]
    public async Task Save_SameFileAgain_ReplacesItsEntry()
    {
        var state = new UploadStateFile(StatePath, _clock);
        var file = File("scene.tif", 10);
        await state.SaveAsync(Entry(file), Ct);
        var second = Entry(file);

        await state.SaveAsync(second, Ct);

        var saved = Assert.Single((await state.LoadAsync(Ct)).Uploads);
        Assert.Equal(second.UploadId, saved.UploadId);
    }

    [Fact]
    public async Task Save_ManyFilesInParallel_KeepsEveryEntry()
    {
        var state = new UploadStateFile(StatePath, _clock);
        var entries = Enumerable.Range(0, 20).Select(n => Entry(File($"band-{n}.tif", n + 1))).ToList();

        await Task.WhenAll(entries.Select(e => Task.Run(() => state.SaveAsync(e, Ct), Ct)));

        Assert.Equal(entries.Select(e => e.UploadId).Order(), (await state.LoadAsync(Ct)).Uploads.Select(u => u.UploadId).Order());
    }

    [Fact]
    public async Task Remove_TakenUploads_KeepsTheOthersAndDropsExpiredOnes()
    {
        var state = new UploadStateFile(StatePath, _clock);
        var taken = Entry(File("scene.tif", 10));
        var kept = Entry(File("thumb.png", 20));
        var expired = Entry(File("old.tif", 30)) with { ExpiresAt = Now.AddMinutes(-1) };
        await state.SaveAsync(taken, Ct);
        await state.SaveAsync(kept, Ct);
        await System.IO.File.WriteAllTextAsync(StatePath,
            (await System.IO.File.ReadAllTextAsync(StatePath, Ct)).Replace("\"uploads\": [", $"\"uploads\": [{System.Text.Json.JsonSerializer.Serialize(expired, System.Text.Json.JsonSerializerOptions.Web)},", StringComparison.Ordinal), Ct);

        await state.RemoveAsync([taken.UploadId], Ct);

        Assert.Equal(kept, Assert.Single((await state.LoadAsync(Ct)).Uploads));
        Assert.False(System.IO.File.Exists(StatePath + ".tmp"));
    }

    [Fact]
    public async Task Load_NotJson_FailsSayingToDeleteIt()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
        await System.IO.File.WriteAllTextAsync(StatePath, "{ half", Ct);

        var error = await Assert.ThrowsAsync<CliConfigurationException>(() => new UploadStateFile(StatePath, _clock).LoadAsync(Ct));

        Assert.Contains("delete it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_OtherVersion_Fails()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
        await System.IO.File.WriteAllTextAsync(StatePath, """{"version": 99, "uploads": []}""", Ct);

        await Assert.ThrowsAsync<CliConfigurationException>(() => new UploadStateFile(StatePath, _clock).LoadAsync(Ct));
    }

    private FileFingerprint File(string name, long size) =>
        new(Path.Combine(_folder, name), size, new DateTimeOffset(2029, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(1234567));

    private static UploadStateEntry Entry(FileFingerprint file) =>
        new(Server, Client, file.Path, file.Size, file.LastWriteTime, new string('a', 64), Guid.NewGuid(), "image/tiff", Now.AddHours(24));
}
