using AlisCompliance.Core.Compliance;
using MimeKit;

namespace AlisCompliance.Application.Email;

/// <summary>
/// Writes the email a leader gets when one rule's finding for one ALIS changes: Norwegian, HTML with a plain-text
/// alternative, and a Message-ID derived from the alert id so a resend is recognisably the same message.
/// </summary>
public static class AlertEmailComposer
{
    private const string HtmlTemplate = "alert.html.liquid";
    private const string TextTemplate = "alert.txt.liquid";

    public static MimeMessage Compose(AlertEmailModel model, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(from);
        var view = ViewOf(model);
        var body = new BodyBuilder
        {
            TextBody = LiquidTemplates.RenderText(TextTemplate, view),
            HtmlBody = LiquidTemplates.RenderHtml(HtmlTemplate, view),
        };

        var message = new MimeMessage
        {
            Subject = view.Subject,
            MessageId = MessageIds.ForAlert(model.AlertId),
            Date = model.DetectedOn.AtStartOfDayInZone(OsloClock.Oslo).ToDateTimeOffset(),
            Body = body.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(model.Recipient.Name, model.Recipient.Address));
        message.Headers.Add("X-Alis-Alert-Id", model.AlertId);
        return message;
    }

    /// <summary>"Brudd: veiledning under 42 timer — alis-02", "Løst: …", "Skjerpet til brudd: …".</summary>
    public static string Subject(AlertEmailModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"{Change(model)}: {RuleWordings.For(model.RuleId).Title} — {model.AlisId}";
    }

    private static string Change(AlertEmailModel model) => model.Kind switch
    {
        FindingTransitionKind.Resolved => "Løst",
        FindingTransitionKind.Escalated => $"Skjerpet til {Lower(model.After)}",
        FindingTransitionKind.DeEscalated => $"Dempet til {Lower(model.After)}",
        _ => SeverityWord(model.After),
    };

    private static AlertEmailView ViewOf(AlertEmailModel model)
    {
        var wording = RuleWordings.For(model.RuleId);
        var resolved = model.Kind == FindingTransitionKind.Resolved;
        var alis = model.AlisName is { Length: > 0 } name ? $"{name} ({model.AlisId})" : model.AlisId;
        return new AlertEmailView(
            Subject: Subject(model),
            StatusLabel: resolved ? "Løst" : SeverityWord(model.After),
            StatusColour: resolved ? "#1b5e20" : Colour(model.After),
            Heading: Heading(model, wording),
            AlisLine: $"Gjelder ALIS {alis} i {model.MunicipalityName}.",
            WhatHeading: resolved ? "Hva er endret" : "Hva er galt",
            What: model.Message is { Length: > 0 } message
                ? message
                : resolved ? "Regelen er oppfylt nå. Ingen handling trengs." : "Se statussiden for tallene.",
            LegalLabel: model.LegalReference is { Length: > 0 } ? LegalReferenceLabel.For(model.LegalReference) : null,
            LegalReference: model.LegalReference is { Length: > 0 } ? model.LegalReference : null,
            LeaderAction: resolved ? null : model.LeaderAction is { Length: > 0 } action ? action : wording.LeaderAction,
            Deadline: resolved || model.Deadline is null ? null : NorwegianFormat.Date(model.Deadline.Value),
            StatusPageUrl: model.StatusPage.AbsoluteUri,
            StatusPageText: $"Se status for alle ALIS i {model.MunicipalityName}",
            Footer: $"Oppdaget {NorwegianFormat.Date(model.DetectedOn)} · regel {model.RuleId} · sendt av ALIS-kontroll");
    }

    private static string Heading(AlertEmailModel model, RuleWording wording)
    {
        var title = Capitalise(wording.Title);
        return model.Kind switch
        {
            FindingTransitionKind.Resolved => $"{title}: løst (var {Lower(model.Before)})",
            FindingTransitionKind.Escalated => $"{title}: skjerpet fra {Lower(model.Before)} til {Lower(model.After)}",
            FindingTransitionKind.DeEscalated => $"{title}: dempet fra {Lower(model.Before)} til {Lower(model.After)}",
            _ => title,
        };
    }

    private static string SeverityWord(Severity? severity) =>
        severity is { } known ? SeverityNames.Norwegian(known) : "Endring";

    private static string Lower(Severity? severity) => SeverityWord(severity).ToLowerInvariant();

    private static string Colour(Severity? severity) => severity switch
    {
        Severity.Violation => "#b71c1c",
        Severity.Warning => "#8a5a00",
        _ => "#0d47a1",
    };

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));
}
