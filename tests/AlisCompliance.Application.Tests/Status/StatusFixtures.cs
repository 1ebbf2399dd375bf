using AlisCompliance.Application.Status;
using AlisCompliance.Core.Compliance;
using NodaTime;

namespace AlisCompliance.Application.Tests.Status;

internal static class StatusFixtures
{
    public static StatusPageModel Model() => new(
        "3417",
        "Åsnes kommune",
        new LocalDate(2026, 12, 7),
        [
            new AlisStatus("alis-03", "Per Hansen", null, []),
            new AlisStatus("alis-01", "Kari <Nordmann>", Severity.Warning,
            [
                new StatusFinding("SUP-PACE", Severity.Warning, "Utdanningsår 3: 7,5 timer veiledning av 13,2 forventet så langt.", "Rundskriv I-2/2019 § 2", Instant.FromUtc(2026, 11, 30, 23, 30)),
            ]),
            new AlisStatus("alis-02", "Ola Olsen", Severity.Violation,
            [
                new StatusFinding("VEI-WORKPLACE", Severity.Info, "Veileder v-2 arbeider i en annen kommune enn ALIS.", "Kvalitetssignal: KVALIS-studien (ALIS Vest 2021–2022); ikke et lovkrav", Instant.FromUtc(2026, 9, 1, 8, 0)),
                new StatusFinding("SUP-ANNUAL-42H", Severity.Violation, "Utdanningsår 4 (10.01.2025–09.01.2026) fikk 41,5 timer veiledning av 42.", "Spesialistforskriften § 25; Rundskriv I-2/2019", Instant.FromUtc(2026, 1, 10, 6, 0)),
            ]),
        ]);
}
