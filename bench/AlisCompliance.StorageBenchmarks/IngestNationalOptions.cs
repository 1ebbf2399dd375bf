using System.Globalization;

namespace AlisCompliance.StorageBenchmarks;

/// <summary>The national ingest benchmark's settings; the defaults are the national scale.</summary>
internal sealed record IngestNationalOptions
{
    public int Municipalities { get; init; } = 356;

    public int Alis { get; init; } = 2_000;

    public int SessionsPerAlis { get; init; } = 250;

    /// <summary>Municipality files ingested at once (each its own IngestService call).</summary>
    public int FilesAtOnce { get; init; } = 4;

    /// <summary>Partitions each ingest writes at once; files × partitions is the number of transactions in flight.</summary>
    public int PartitionsAtOnce { get; init; } = 4;

    /// <summary>ALIS read back at once.</summary>
    public int ReadsAtOnce { get; init; } = 16;

    public int Seed { get; init; } = 20_261_123;

    /// <summary>How to read back: <c>alis</c> (as an evaluation: two queries per ALIS), <c>municipality</c> (two per municipality) or <c>both</c>.</summary>
    public string Read { get; init; } = "both";

    /// <summary>Null: start an in-memory Azurite for the run.</summary>
    public string? ConnectionString { get; init; }

    public static IngestNationalOptions Parse(ReadOnlySpan<string> args)
    {
        var options = new IngestNationalOptions();
        for (var index = 0; index + 1 < args.Length; index += 2)
        {
            var value = args[index + 1];
            int Number() => int.Parse(value, CultureInfo.InvariantCulture);
            options = args[index] switch
            {
                "--municipalities" => options with { Municipalities = Number() },
                "--alis" => options with { Alis = Number() },
                "--sessions" => options with { SessionsPerAlis = Number() },
                "--files-at-once" => options with { FilesAtOnce = Number() },
                "--partitions-at-once" => options with { PartitionsAtOnce = Number() },
                "--reads-at-once" => options with { ReadsAtOnce = Number() },
                "--seed" => options with { Seed = Number() },
                "--read" => options with { Read = value },
                "--connection-string" => options with { ConnectionString = value },
                var unknown => throw new ArgumentException($"Unknown option {unknown}.", nameof(args)),
            };
        }

        return options;
    }
}
