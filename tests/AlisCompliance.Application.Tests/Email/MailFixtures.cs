using AlisCompliance.Application.Email;
using AlisCompliance.Core.Compliance;
using NodaTime;

namespace AlisCompliance.Application.Tests.Email;

/// <summary>An alert as the lead's DeliverAlert would hand it to the composer.</summary>
internal static class MailFixtures
{
    public static readonly Uri StatusPage = new("https://alis.example.no/status/3417?format=html");

    public static AlertEmailModel Alert(
        FindingTransitionKind kind = FindingTransitionKind.New,
        Severity? before = null,
        Severity? after = Severity.Violation,
        string? alisName = "Kari <Nordmann> & Co",
        string? message = "Utdanningsår 2 (01.09.2025–31.08.2026) fikk 30,5 timer veiledning av 42.",
        string? legalReference = "Spesialistforskriften § 25; Rundskriv I-2/2019",
        string? leaderAction = null,
        LocalDate? deadline = null) =>
        new(
            AlertId: "3417|alis-02|SUP-ANNUAL-42H|2026-12-01",
            MunicipalityId: "3417",
            MunicipalityName: "Åsnes kommune",
            AlisId: "alis-02",
            AlisName: alisName,
            RuleId: "SUP-ANNUAL-42H",
            Kind: kind,
            Before: before,
            After: after,
            Message: message,
            LegalReference: legalReference,
            LeaderAction: leaderAction,
            Deadline: deadline,
            DetectedOn: new LocalDate(2026, 12, 1),
            StatusPage: StatusPage,
            Recipient: new EmailRecipient("leder-1", "Lise Leder", "lise.leder@asnes.example.no"));

    public static readonly MimeKit.MailboxAddress From = new("ALIS-kontroll", "alis@asnes.example.no");
}
