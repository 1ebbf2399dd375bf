using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Tests.Shared;

namespace AlisCompliance.Storage.Tests.Infrastructure;

/// <summary>The repository's goal catalog, a reader built on it, and the Åsnes sample file.</summary>
internal static class TestRecords
{
    private static readonly Lazy<TrainingCatalog> LazyCatalog = new(() => CatalogReader.Read(
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "rules", "catalog", "goals.json")),
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "rules", "catalog", "arena-types.json"))));

    private static readonly Lazy<string> LazyAsnes = new(() => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "asnes", "asnes.json")));

    public static TrainingCatalog Catalog => LazyCatalog.Value;

    public static RecordsReader Reader => new(Catalog);

    /// <summary>The text of samples/asnes/asnes.json.</summary>
    public static string AsnesJson => LazyAsnes.Value;

    /// <summary>The Åsnes sample as the reader reads it.</summary>
    public static MunicipalityRecords Asnes()
    {
        var read = Reader.Read("asnes.json", AsnesJson);
        read.Errors.Should().BeEmpty();
        return read.Records!;
    }
}
