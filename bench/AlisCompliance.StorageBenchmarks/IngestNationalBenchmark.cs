using System.Diagnostics;
using System.Globalization;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage;
using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Repositories;
using NodaTime;

namespace AlisCompliance.StorageBenchmarks;

/// <summary>
/// Generates the national data set, ingests it through <see cref="IngestService"/> (validation, storage, audit, queue)
/// several municipality files at a time, then reads every ALIS back the way an evaluation does (two partition
/// queries, validated) and checks it equals what was generated. Prints entities, wall time and entities per second.
/// </summary>
internal sealed class IngestNationalBenchmark(IngestNationalOptions options, TextWriter output)
{
    private readonly Stopwatch total = Stopwatch.StartNew();

    public async Task<int> RunAsync()
    {
        var root = RepositoryRoot.Find();
        var generating = Stopwatch.StartNew();
        var national = await NationalIngest.GenerateAsync(root, options.Municipalities, options.Alis, options.SessionsPerAlis, options.Seed);
        var data = national.Data;
        await Line($"Generated {data.Count} municipalities, {national.AlisCount} ALIS, {national.SessionCount} supervision sessions, {national.JsonMegabytes:0.0} MB of JSON in {generating.Elapsed.TotalSeconds:0.0} s.");

        await using var azurite = options.ConnectionString is null ? await LocalAzurite.StartAsync(root) : null;
        var storageOptions = new StorageClientOptions().ConfigureRetry(retry => retry.NetworkTimeout = TimeSpan.FromMinutes(5));
        var storage = ComplianceStorage.Connect(options.ConnectionString ?? azurite!.ConnectionString, StorageNames.WithPrefix("bench" + Guid.NewGuid().ToString("N")[..8]), storageOptions);
        await storage.EnsureCreatedAsync();
        await Line($"Azurite: {(azurite is null ? "given" : "in memory, started for this run")}; {options.FilesAtOnce} files × {options.PartitionsAtOnce} partitions at once.");

        var ingest = new IngestService(storage, new RecordsReader(national.Catalog), SystemClock.Instance, new RecordsRepositoryOptions { MaxConcurrency = options.PartitionsAtOnce });
        var ingestCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var ingesting = Stopwatch.StartNew();
        var written = await national.IngestAsync(ingest, options.FilesAtOnce, (files, entities) => Line($"  {files} files, {entities} entities, {ingesting.Elapsed.TotalSeconds:0} s"));
        var ingestTime = ingesting.Elapsed;
        await Line($"Ingest: {written} entities in {ingestTime.TotalSeconds:0.0} s = {written / ingestTime.TotalSeconds:0} entities/s (target: under 300 s); client CPU {(Process.GetCurrentProcess().TotalProcessorTime - ingestCpu).TotalSeconds:0.0} s.");

        var mismatches = 0;
        if (options.Read is "alis" or "both")
        {
            mismatches += await ReadEveryAlisAsync(ingest.Records, data);
        }

        if (options.Read is "municipality" or "both")
        {
            mismatches += await ReadEveryMunicipalityAsync(ingest.Records, data);
        }

        return mismatches == 0 ? 0 : 1;
    }

    /// <summary>Each ALIS as an evaluation reads it: its partition and its municipality's.</summary>
    private async Task<int> ReadEveryAlisAsync(RecordsRepository records, IReadOnlyList<MunicipalityRecords> data)
    {
        var expected = data.SelectMany(municipality => municipality.Alis.Select(alis => (municipality.Municipality.Id, Alis: alis))).ToList();
        long read = 0;
        var mismatches = 0;
        var readCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var reading = Stopwatch.StartNew();
        await Parallel.ForEachAsync(expected, new ParallelOptions { MaxDegreeOfParallelism = options.ReadsAtOnce }, async (item, token) =>
        {
            var loaded = await records.LoadAlisAsync(item.Id, item.Alis.Id, token);
            if (loaded is null || !string.Equals(RecordsJson.Alis(loaded.Alis[0]), RecordsJson.Alis(item.Alis), StringComparison.Ordinal))
            {
                Interlocked.Increment(ref mismatches);
                return;
            }

            Interlocked.Add(ref read, AlisRows.Create(item.Id, item.Alis).Rows.Count + 1 + MunicipalityRows.Create(loaded).Count);
        });
        var time = reading.Elapsed;
        await Line($"Read-back per ALIS (2 partition queries each): {expected.Count} ALIS, {read} entities in {time.TotalSeconds:0.0} s = {read / time.TotalSeconds:0} entities/s, {mismatches} mismatches (target: under 60 s); client CPU {(Process.GetCurrentProcess().TotalProcessorTime - readCpu).TotalSeconds:0.0} s.");
        return mismatches;
    }

    /// <summary>Each municipality whole: its partition and one key range over its ALIS partitions.</summary>
    private async Task<int> ReadEveryMunicipalityAsync(RecordsRepository records, IReadOnlyList<MunicipalityRecords> data)
    {
        long read = 0;
        var mismatches = 0;
        var reading = Stopwatch.StartNew();
        await Parallel.ForEachAsync(data, new ParallelOptions { MaxDegreeOfParallelism = options.ReadsAtOnce }, async (municipality, token) =>
        {
            var loaded = await records.LoadMunicipalityAsync(municipality.Municipality.Id, token);
            var byId = loaded?.Alis.ToDictionary(alis => alis.Id, StringComparer.Ordinal) ?? [];
            foreach (var alis in municipality.Alis)
            {
                if (!byId.TryGetValue(alis.Id, out var stored) || !string.Equals(RecordsJson.Alis(stored), RecordsJson.Alis(alis), StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref mismatches);
                }
            }

            Interlocked.Add(ref read, municipality.Alis.Sum(alis => AlisRows.Create(municipality.Municipality.Id, alis).Rows.Count + 1) + MunicipalityRows.Create(municipality).Count);
        });
        var time = reading.Elapsed;
        await Line($"Read-back per municipality (2 queries each): {data.Count} municipalities, {read} entities in {time.TotalSeconds:0.0} s = {read / time.TotalSeconds:0} entities/s, {mismatches} mismatches.");
        return mismatches;
    }

    private Task Line(string text) => output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{total.Elapsed:hh\\:mm\\:ss}] {text}"));
}
