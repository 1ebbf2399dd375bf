using System.Globalization;

namespace AlisCompliance.StorageBenchmarks;

/// <summary>The sweep benchmark's settings; the defaults are the national scale and serve as the host runs it.</summary>
internal sealed record SweepOptions
{
    public int Municipalities { get; init; } = 356;

    public int Alis { get; init; } = 2_000;

    public int SessionsPerAlis { get; init; } = 250;

    public int Seed { get; init; } = 20_261_123;

    /// <summary>Municipality files ingested at once before the sweeps.</summary>
    public int FilesAtOnce { get; init; } = 4;

    /// <summary>
    /// <c>discard</c> (default): DeliverAlert takes each alert's message off the queue and delivers nothing (the alert stays
    /// pending), so the sweep is measured alone; <c>after</c>: DeliverAlert waits until every ALIS of the sweep is
    /// evaluated, then delivers (to the SMTP sink) and is timed separately; <c>during</c>: both at once, as the host runs them.
    /// </summary>
    public string Deliver { get; init; } = "discard";

    /// <summary>serve's log level (console). Warning by default: a console line per message would be measured too.</summary>
    public string LogLevel { get; init; } = "Warning";

    /// <summary>host.json to run serve with; null for the repository's.</summary>
    public string? HostJson { get; init; }

    public static SweepOptions Parse(ReadOnlySpan<string> args)
    {
        var options = new SweepOptions();
        for (var index = 0; index + 1 < args.Length; index += 2)
        {
            var value = args[index + 1];
            int Number() => int.Parse(value, CultureInfo.InvariantCulture);
            options = args[index] switch
            {
                "--municipalities" => options with { Municipalities = Number() },
                "--alis" => options with { Alis = Number() },
                "--sessions" => options with { SessionsPerAlis = Number() },
                "--seed" => options with { Seed = Number() },
                "--files-at-once" => options with { FilesAtOnce = Number() },
                "--deliver" when value is "discard" or "after" or "during" => options with { Deliver = value },
                "--log-level" => options with { LogLevel = value },
                "--host-json" => options with { HostJson = value },
                var unknown => throw new ArgumentException($"Unknown option or value: {unknown} {value}.", nameof(args)),
            };
        }

        return options;
    }
}
