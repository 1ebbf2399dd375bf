using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Repositories;

namespace AlisCompliance.StorageBenchmarks;

/// <summary>
/// The national data set as files of the ingest API (one per municipality, generated on the Åsnes sample's arena table),
/// and the ingest of those files through <see cref="IngestService"/> several at a time.
/// </summary>
internal sealed class NationalIngest(TrainingCatalog catalog, IReadOnlyList<MunicipalityRecords> data)
{
    public TrainingCatalog Catalog => catalog;

    public IReadOnlyList<MunicipalityRecords> Data => data;

    public IReadOnlyList<IngestFile> Files { get; } = [.. data.Select(records => new IngestFile($"{records.Municipality.Id}.json", RecordsJson.Document(records)))];

    public int AlisCount => data.Sum(records => records.Alis.Count);

    public int SessionCount => data.Sum(records => records.Alis.Sum(alis => alis.SupervisionSessions.Count));

    public double JsonMegabytes => Files.Sum(file => (long)file.Json.Length) / 1_000_000.0;

    /// <summary>Reads the catalog and the sample from the checkout and generates the data set.</summary>
    public static async Task<NationalIngest> GenerateAsync(string repositoryRoot, int municipalities, int alis, int sessionsPerAlis, int seed)
    {
        var catalog = CatalogReader.Read(
            await File.ReadAllTextAsync(Path.Combine(repositoryRoot, "rules", "catalog", "goals.json")),
            await File.ReadAllTextAsync(Path.Combine(repositoryRoot, "rules", "catalog", "arena-types.json")));
        var sample = new RecordsReader(catalog).Read("asnes.json", await File.ReadAllTextAsync(Path.Combine(repositoryRoot, "samples", "asnes", "asnes.json"))).Records!;
        return new NationalIngest(catalog, new NationalDataSet(sample.Municipality.Arenas, seed).Generate(municipalities, alis, sessionsPerAlis));
    }

    /// <summary>Ingests every file, <paramref name="filesAtOnce"/> at a time; returns the entities written.</summary>
    public async Task<long> IngestAsync(IngestService ingest, int filesAtOnce, Func<int, long, Task> progressEvery50Files)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        long written = 0;
        var done = 0;
        await Parallel.ForEachAsync(Files, new ParallelOptions { MaxDegreeOfParallelism = filesAtOnce }, async (file, token) =>
        {
            var result = await ingest.IngestAsync([file], "bench", token);
            if (!result.IsAccepted)
            {
                throw new InvalidOperationException($"{file.Source} was not accepted: {string.Join("; ", result.Errors.Take(3))}");
            }

            Interlocked.Add(ref written, result.Counts.RowsWritten);
            var files = Interlocked.Increment(ref done);
            if (files % 50 == 0)
            {
                await progressEvery50Files(files, Interlocked.Read(ref written));
            }
        });
        return written;
    }
}
