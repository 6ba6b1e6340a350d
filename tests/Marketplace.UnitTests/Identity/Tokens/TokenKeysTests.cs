using Marketplace.Identity;
using Marketplace.Identity.Tokens;

namespace Marketplace.UnitTests.Identity.Tokens;

public sealed class TokenKeysTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("token-keys-");

    public void Dispose() => _folder.Delete(recursive: true);

    private MarketplaceIdentityOptions Options(bool create) => new()
    {
        SigningKeyPath = Path.Combine(_folder.FullName, "keys", "signing.pem"),
        EncryptionKeyPath = Path.Combine(_folder.FullName, "keys", "encryption.pem"),
        CreateKeysIfMissing = create,
    };

    [Fact]
    public void Keys_CreatedOnce_AreReadBackWithTheSameKeyIds()
    {
        using var first = new TokenKeys(Microsoft.Extensions.Options.Options.Create(Options(create: true)));
        using var second = new TokenKeys(Microsoft.Extensions.Options.Options.Create(Options(create: false)));

        Assert.Equal(first.SigningKey.KeyId, second.SigningKey.KeyId);
        Assert.Equal(first.EncryptionKey.KeyId, second.EncryptionKey.KeyId);
        Assert.NotEqual(first.SigningKey.KeyId, first.EncryptionKey.KeyId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Options(false).SigningKeyPath));
        }
    }

    [Fact]
    public void Keys_MissingAndNotToBeCreated_FailClearly()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new TokenKeys(Microsoft.Extensions.Options.Options.Create(Options(create: false))));

        Assert.Contains("CreateKeysIfMissing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_WithoutPaths_AreEphemeralAndDifferPerInstance()
    {
        using var a = new TokenKeys(Microsoft.Extensions.Options.Options.Create(new MarketplaceIdentityOptions()));
        using var b = new TokenKeys(Microsoft.Extensions.Options.Options.Create(new MarketplaceIdentityOptions()));

        Assert.NotEqual(a.SigningKey.KeyId, b.SigningKey.KeyId);
    }
}
