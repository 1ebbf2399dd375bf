using AlisCompliance.Core.Records;

namespace AlisCompliance.Benchmarks.Data;

/// <summary>One synthetic municipality while its ALIS are generated: its arenas by category and its people.</summary>
internal sealed class MunicipalityContext(
    Municipality municipality,
    IReadOnlyList<Veileder> veiledere,
    Arena[] openPractice,
    Arena[] otherGeneralPractice,
    Arena institution)
{
    public Municipality Municipality { get; } = municipality;

    public string Code => Municipality.Id;

    public IReadOnlyList<Veileder> Veiledere { get; } = veiledere;

    public Arena[] OpenPractice { get; } = openPractice;

    public Arena[] OtherGeneralPractice { get; } = otherGeneralPractice;

    public Arena Institution { get; } = institution;
}
