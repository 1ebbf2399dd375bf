using System.Globalization;
using AlisCompliance.Application.Email;
using AlisCompliance.Core.Compliance;
using MimeKit;
using NodaTime;

namespace AlisCompliance.Application.Digest;

/// <summary>
/// Writes a municipality's weekly digest for one leader: HTML with a plain-text alternative, each ALIS's monthly
/// supervision as a PNG chart in multipart/related (referenced by cid:), and a Message-ID derived from the
/// municipality, the ISO week and the leader, so a resend of the same week is the same message.
/// </summary>
public static class DigestEmailComposer
{
    private const string HtmlTemplate = "digest.html.liquid";
    private const string TextTemplate = "digest.txt.liquid";

    private static readonly string[] ShortMonths = ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"];

    public static MimeMessage Compose(DigestModel model, MailboxAddress from, EmailRecipient to, Uri statusPage)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(statusPage);

        var body = new BodyBuilder();
        var alis = new List<DigestAlisView>(model.Alis.Count);
        for (var index = 0; index < model.Alis.Count; index++)
        {
            var progress = model.Alis[index];
            var chart = body.LinkedResources.Add(
                string.Create(CultureInfo.InvariantCulture, $"veiledning-{index + 1}.png"),
                DigestCharts.SupervisionByMonth(progress.SupervisionByMonth, progress.MonthlyTargetHours),
                new ContentType("image", "png"));
            chart.ContentId = string.Create(CultureInfo.InvariantCulture, $"veiledning-{index + 1}@{MessageIds.Domain}");
            alis.Add(AlisView(progress, chart.ContentId));
        }

        var view = new DigestEmailView(
            Subject(model),
            $"Ukeoversikt for {model.MunicipalityName}, uke {model.IsoWeek}",
            Summary(model),
            Groups(model),
            [.. model.Changes.Select(ChangeView)],
            alis,
            [.. model.Deadlines.Select(DeadlineView)],
            statusPage.AbsoluteUri,
            $"Se status for alle ALIS i {model.MunicipalityName}",
            $"Per {NorwegianFormat.Date(model.AsOf)} · sendt av ALIS-kontroll til {to.Name}");
        body.TextBody = LiquidTemplates.RenderText(TextTemplate, view);
        body.HtmlBody = LiquidTemplates.RenderHtml(HtmlTemplate, view);

        var message = new MimeMessage
        {
            Subject = view.Subject,
            MessageId = MessageIds.ForDigest(model.MunicipalityId, model.IsoWeekYear, model.IsoWeek, to.LeaderId),
            Date = model.AsOf.At(new LocalTime(7, 0)).InZoneLeniently(OsloClock.Oslo).ToDateTimeOffset(),
            Body = body.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(to.Name, to.Address));
        return message;
    }

    /// <summary>"Ukeoversikt uke 49, Åsnes kommune: 1 brudd, 2 advarsler, 1 til orientering".</summary>
    public static string Subject(DigestModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"Ukeoversikt uke {model.IsoWeek}, {model.MunicipalityName}: {Counts(model)}";
    }

    private static string Counts(DigestModel model)
    {
        var parts = new List<string>(3);
        AddCount(parts, model.OpenCount(Severity.Violation), "brudd", "brudd");
        AddCount(parts, model.OpenCount(Severity.Warning), "advarsel", "advarsler");
        AddCount(parts, model.OpenCount(Severity.Info), "til orientering", "til orientering");
        return parts.Count == 0 ? "ingen åpne avvik" : string.Join(", ", parts);
    }

    private static void AddCount(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}"));
        }
    }

    private static string Summary(DigestModel model) => string.Create(
        CultureInfo.InvariantCulture,
        $"{model.Alis.Count} ALIS i utdanning. Åpne avvik: {Counts(model)}. Endringer siste uke: {model.Changes.Count}.");

    private static DigestGroupView[] Groups(DigestModel model) =>
    [
        .. model.OpenFindings.Select(group => new DigestGroupView(
            SeverityNames.Norwegian(group.Severity),
            Colour(group.Severity),
            group.Findings.Count,
            [
                .. group.Findings.Select(finding => new DigestFindingView(
                    AlisLabel(finding.AlisId, finding.AlisName),
                    Capitalise(RuleWordings.For(finding.RuleId).Title),
                    finding.Message,
                    LegalReferenceLabel.For(finding.LegalReference),
                    finding.LegalReference,
                    NorwegianFormat.Date(finding.FirstSeen))),
            ])),
    ];

    private static DigestChangeView ChangeView(DigestChangeLine change) => new(
        NorwegianFormat.Date(change.On),
        AlisLabel(change.AlisId, change.AlisName),
        Capitalise(RuleWordings.For(change.RuleId).Title),
        change.Kind switch
        {
            FindingTransitionKind.New => $"Ny: {Word(change.After)}",
            FindingTransitionKind.Escalated => $"Skjerpet: {Word(change.Before)} → {Word(change.After)}",
            FindingTransitionKind.DeEscalated => $"Dempet: {Word(change.Before)} → {Word(change.After)}",
            _ => $"Løst (var {Word(change.Before).ToLowerInvariant()})",
        });

    private static DigestAlisView AlisView(DigestAlisProgress alis, string chartCid)
    {
        var months = alis.SupervisionByMonth;
        var period = months.Count == 0 ? string.Empty : $"{MonthLabel(months[0].Month, withYear: true)}–{MonthLabel(months[^1].Month, withYear: true)}";
        var monthsText = string.Join(", ", months.Select(month => $"{MonthLabel(month.Month, withYear: false)} {MonthHours(month)}"));
        var target = NorwegianFormat.Number(alis.MonthlyTargetHours);
        var name = AlisLabel(alis.AlisId, alis.Name);
        var service = alis.ServiceTime;
        var year = alis.TrainingYear;
        return new DigestAlisView(
            name,
            alis.Worst is { } worst ? $"{SeverityNames.Norwegian(worst)} ({Plural(alis.OpenFindings, "åpent avvik", "åpne avvik")})" : "Ingen åpne avvik",
            alis.Worst is { } severity ? Colour(severity) : "#1b5e20",
            chartCid,
            $"Timer veiledning per måned for {name}, {period}: {monthsText}. Stiplet linje: {target} timer i måneden.",
            $"Veiledning per måned, {period} (linje: {target} timer)",
            [.. months.Select(month => new DigestMonthView(MonthLabel(month.Month, withYear: false), MonthHours(month), month.InTraining && month.Hours < alis.MonthlyTargetHours))],
            monthsText,
            string.Create(CultureInfo.InvariantCulture,
                $"Utdanningsår {year.Number} ({NorwegianFormat.Date(year.From)}–{NorwegianFormat.Date(year.To)}): {NorwegianFormat.Number(year.Hours)} av {NorwegianFormat.Number(year.ExpectedHours)} timer veiledning."),
            ServiceText(service),
            Percent(service.DoneYears, service.RequiredYears),
            string.Create(CultureInfo.InvariantCulture, $"Godkjente læringsmål: {alis.ApprovedGoals} av {alis.TotalGoals}."),
            Percent(alis.ApprovedGoals, alis.TotalGoals),
            Regularity(alis),
            alis.VeilederWorkplace switch
            {
                VeilederWorkplace.SameMunicipality => $"Veileder ({alis.VeilederId}) arbeider i samme kommune.",
                VeilederWorkplace.OtherMunicipality => $"Veileder ({alis.VeilederId}) arbeider i en annen kommune.",
                VeilederWorkplace.Unknown => $"Arbeidsstedet til veileder ({alis.VeilederId}) er ikke registrert.",
                _ => "Ingen veileder registrert nå.",
            });
    }

    private static string ServiceText(DigestServiceTime service)
    {
        var done = $"Tellende tjeneste: {NorwegianFormat.Number(service.DoneYears)} av {NorwegianFormat.Number(service.RequiredYears)} år";
        var plan = service.PlannedYears is { } planned
            ? $"; planen gir {NorwegianFormat.Number(planned)} år til {NorwegianFormat.Date(service.PlannedEnd!.Value)}"
            : "; planen løper til videre";
        var completion = service.ProjectedCompletion is { } date ? $"; beregnet fullført {NorwegianFormat.Date(date)}" : string.Empty;
        return $"{done}{plan}{completion}.";
    }

    private static string Regularity(DigestAlisProgress alis)
    {
        if (alis.LongestSupervisionGapDays is not { } gap)
        {
            return "Ingen veiledning registrert ennå.";
        }

        var last = alis.LastSupervision is { } date ? $" Siste veiledning {NorwegianFormat.Date(date)}." : " Ingen veiledning registrert.";
        return string.Create(CultureInfo.InvariantCulture, $"Lengste opphold mellom veiledninger siste 12 måneder: {Plural(gap, "dag", "dager")}.{last}");
    }

    private static DigestDeadlineView DeadlineView(DigestDeadline deadline) => new(
        NorwegianFormat.Date(deadline.Date),
        deadline.Description,
        string.Join(", ", deadline.AlisIds),
        deadline.DaysLeft switch
        {
            0 => "i dag",
            1 => "i morgen",
            var days => string.Create(CultureInfo.InvariantCulture, $"om {days} dager"),
        });

    private static string AlisLabel(string id, string? name) => name is { Length: > 0 } ? $"{name} ({id})" : id;

    private static string MonthLabel(YearMonth month, bool withYear) =>
        withYear
            ? string.Create(CultureInfo.InvariantCulture, $"{ShortMonths[month.Month - 1]} {month.Year}")
            : ShortMonths[month.Month - 1];

    private static string MonthHours(MonthlySupervision month) =>
        month.InTraining ? $"{NorwegianFormat.Number(month.Hours)} t" : "ikke i utdanning";

    private static string Word(Severity? severity) => severity is { } known ? SeverityNames.Norwegian(known) : "ingen";

    private static string Plural(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    private static int Percent(double part, double whole) =>
        whole <= 0 ? 0 : (int)Math.Clamp(Math.Round(100 * part / whole), 0, 100);

    private static string Colour(Severity severity) => severity switch
    {
        Severity.Violation => "#b71c1c",
        Severity.Warning => "#8a5a00",
        _ => "#0d47a1",
    };

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));
}
