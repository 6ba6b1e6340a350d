namespace Marketplace.Cli.Configuration;

/// <summary>The command line, environment or a settings file does not say what the command needs (exit code 1).</summary>
internal sealed class CliConfigurationException : Exception
{
    public CliConfigurationException()
    {
    }

    public CliConfigurationException(string message)
        : base(message)
    {
    }

    public CliConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
