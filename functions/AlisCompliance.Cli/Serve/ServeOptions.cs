namespace AlisCompliance.Cli.Serve;

/// <summary>How <c>alis serve</c> runs; the command line fills it in, tests build it directly.</summary>
internal sealed record ServeOptions
{
    public const int DefaultPort = 7071;

    /// <summary>The Kestrel port on 127.0.0.1 (Core Tools' default, 7071); 0 lets the system choose.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Overrides the <c>AzureWebJobsStorage</c> setting.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Stop, with exit code 0, once the function queues have been empty for <see cref="DrainQuietPeriod"/>.</summary>
    public bool Drain { get; init; }

    public TimeSpan DrainQuietPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Host the timer functions (NightlySweep, WeeklyDigest).</summary>
    public bool Timers { get; init; } = true;

    public string HostJsonPath { get; init; } = ServeConfiguration.DefaultHostJsonPath;

    /// <summary>A Functions local.settings.json whose <c>Values</c> are read as settings; ignored when missing.</summary>
    public string? LocalSettingsPath { get; init; } = Path.Combine(Environment.CurrentDirectory, "local.settings.json");

    /// <summary>Settings that win over every file and environment variable (tests use it for short queue timings).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>(StringComparer.Ordinal);
}
