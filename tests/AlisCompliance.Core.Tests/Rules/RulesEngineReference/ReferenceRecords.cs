using AlisCompliance.Benchmarks;
using AlisCompliance.Benchmarks.Data;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using NodaTime;

namespace AlisCompliance.Core.Tests.Rules.RulesEngineReference;

/// <summary>The ALIS both engines are run on: the Åsnes sample and a small synthetic national set.</summary>
internal static class ReferenceRecords
{
    public const int SyntheticAlisCount = 300;

    public static readonly LocalDate[] SampleDates = [new(2024, 6, 15), GeneratorOptions.DefaultAsOf, new(2027, 6, 30)];

    public static TrainingCatalog Catalog(RepositoryFiles repository) => repository.ReadCatalog();

    public static MunicipalityRecords Sample(RepositoryFiles repository, TrainingCatalog catalog)
    {
        var path = Path.Combine(repository.Root, "samples", "asnes", "asnes.json");
        var read = new RecordsReader(catalog).Read(path, File.ReadAllText(path));
        return read.IsValid ? read.Records! : throw new InvalidDataException(string.Join(Environment.NewLine, read.Errors));
    }

    public static IReadOnlyList<MunicipalityRecords> Synthetic(RepositoryFiles repository, TrainingCatalog catalog) =>
        SyntheticRecordsGenerator.Generate(repository.ReadArenaTable(), catalog, new GeneratorOptions { AlisCount = SyntheticAlisCount });
}
