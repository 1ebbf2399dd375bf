using AlisCompliance.Application.Hosting;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Storage.Repositories;
using NodaTime;

namespace AlisCompliance.Application.Status;

/// <summary>
/// The ComplianceStatus function: a municipality's open findings and each ALIS's status, as JSON for machines or as an
/// HTML page a leader reads on a phone. Reads the index rows and each ALIS's findings partition; no records.
/// </summary>
public sealed class ComplianceStatus(RecordsRepository records, FindingsRepository findings, AlertsRepository alerts, IClock clock)
{
    /// <summary><paramref name="format"/> is "html" or "json" (the default).</summary>
    public async Task<HttpAnswer> RespondAsync(string municipalityId, string? format, CancellationToken cancellationToken)
    {
        var html = string.Equals(format, "html", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !html && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return JsonAnswers.Create(400, new { message = $"Ukjent format «{format}»: bruk html eller json." });
        }

        var model = await GetAsync(municipalityId, cancellationToken);
        if (model is null)
        {
            return html
                ? new HttpAnswer(404, HttpAnswer.Html, StatusPageRenderer.RenderNotFound(municipalityId, OsloClock.Today(clock)))
                : JsonAnswers.Create(404, new { message = $"Fant ingen kommune med id {municipalityId}." });
        }

        return html
            ? new HttpAnswer(200, HttpAnswer.Html, StatusPageRenderer.Render(model))
            : new HttpAnswer(200, HttpAnswer.Json, StatusPageJson.Serialize(model));
    }

    /// <summary>The municipality's status today in Oslo, or null when no such municipality is stored.</summary>
    public async Task<StatusPageModel?> GetAsync(string municipalityId, CancellationToken cancellationToken)
    {
        var municipality = (await records.ListMunicipalitiesAsync(cancellationToken))
            .FirstOrDefault(entry => string.Equals(entry.MunicipalityId, municipalityId, StringComparison.Ordinal));
        if (municipality is null)
        {
            return null;
        }

        var statuses = new List<AlisStatus>();
        foreach (var alis in (await records.ListAlisAsync(municipalityId, cancellationToken)).OrderBy(entry => entry.AlisId, StringComparer.Ordinal))
        {
            var open = (await findings.ListAsync(municipalityId, alis.AlisId, cancellationToken))
                .OrderByDescending(finding => finding.Severity)
                .ThenBy(finding => finding.RuleId, StringComparer.Ordinal)
                .Select(finding => new StatusFinding(finding.RuleId, finding.Severity, finding.Message, finding.LegalReference, finding.FirstSeen))
                .ToList();
            statuses.Add(new AlisStatus(alis.AlisId, null, open.Count == 0 ? null : open.Max(finding => finding.Severity), open));
        }

        var undelivered = (await alerts.ListAsync(municipalityId, cancellationToken))
            .Where(alert => alert.State is AlertState.Undeliverable or AlertState.Unconfirmed)
            .OrderByDescending(alert => alert.DetectedAt)
            .Select(alert => new UndeliveredAlert(alert.AlisId, alert.RuleId, alert.Kind, alert.After ?? alert.Before, UndeliveredReason(alert), alert.DetectedAt))
            .ToList();
        return new StatusPageModel(municipality.MunicipalityId, municipality.Name, OsloClock.Today(clock), statuses) { UndeliveredAlerts = undelivered };
    }

    private static string UndeliveredReason(Alert alert) => alert.State == AlertState.Unconfirmed
        ? "Sendingen ble avbrutt; e-posten kan ha kommet fram og er ikke sendt på nytt."
        : alert.LastError switch
        {
            "no-address" => "Lederen har ingen e-postadresse registrert.",
            _ => "E-posttjeneren avviste adressen.",
        };
}
