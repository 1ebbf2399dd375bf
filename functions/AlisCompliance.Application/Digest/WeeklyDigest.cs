using AlisCompliance.Application.Email;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Rules;
using AlisCompliance.Core.Digest;
using AlisCompliance.Core.Records;
using AlisCompliance.Storage.Repositories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace AlisCompliance.Application.Digest;

/// <summary>
/// The WeeklyDigest function: fires hourly; from Monday 07:00 Oslo time it sends each municipality's digest for the ISO
/// week, once. The week is claimed with an insert before sending (a second run, or a second instance, finds it claimed)
/// and released if the send fails, so the next hour tries again; a Monday the timer missed is caught up that week.
/// </summary>
public sealed partial class WeeklyDigest(
    ComplianceRules rules,
    RecordsRepository records,
    FindingsRepository findings,
    AlertsRepository alerts,
    DigestsRepository digests,
    IMailSender mail,
    IOptions<ServiceOptions> options,
    IOptions<SmtpOptions> smtp,
    IClock clock,
    ILogger<WeeklyDigest> logger)
{
    /// <summary>Returns the number of municipalities whose digest was sent in this run.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var week = DigestSchedule.DueWeek(now, OsloClock.Oslo);
        var sent = 0;
        foreach (var municipality in await records.ListMunicipalitiesAsync(cancellationToken))
        {
            if (await digests.GetSentAtAsync(municipality.MunicipalityId, week.Monday, cancellationToken) is not null)
            {
                continue;
            }

            try
            {
                if (await SendAsync(municipality.MunicipalityId, week, now, cancellationToken))
                {
                    sent++;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One municipality's mail server trouble must not hold back the others; the next hour tries again.
                LogFailed(exception, municipality.MunicipalityId, week);
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(string municipalityId, DigestWeek week, Instant now, CancellationToken cancellationToken)
    {
        var stored = await records.LoadMunicipalityAsync(municipalityId, cancellationToken);
        if (stored is null)
        {
            return false;
        }

        var recipients = Recipients(stored);
        var message = await BuildAsync(stored, week, now, cancellationToken);
        if (!await digests.TryRecordAsync(municipalityId, week.Monday, now, cancellationToken: cancellationToken))
        {
            return false;
        }

        try
        {
            foreach (var recipient in recipients)
            {
                await mail.SendAsync(DigestEmailComposer.Compose(message, smtp.Value.From, recipient, options.Value.StatusPage(municipalityId)), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or MailRejectedException))
        {
            await digests.ReleaseAsync(municipalityId, week.Monday, CancellationToken.None);
            throw;
        }

        LogSent(municipalityId, week, recipients.Count);
        return true;
    }

    private async Task<DigestModel> BuildAsync(MunicipalityRecords stored, DigestWeek week, Instant now, CancellationToken cancellationToken)
    {
        var municipalityId = stored.Municipality.Id;
        var open = new List<DigestFinding>();
        foreach (var alis in stored.Alis)
        {
            open.AddRange((await findings.ListAsync(municipalityId, alis.Id, cancellationToken))
                .Select(finding => new DigestFinding(finding.AlisId, finding.RuleId, finding.Severity, finding.Message, finding.LegalReference, finding.FirstSeen)));
        }

        var since = DigestSchedule.PeriodStart(week.Previous, OsloClock.Oslo);
        var changes = (await alerts.ListAsync(municipalityId, cancellationToken))
            .Where(alert => alert.DetectedAt >= since && alert.DetectedAt <= now)
            .Select(alert => new DigestChange(alert.AlisId, alert.RuleId, alert.Kind, alert.Before, alert.After, alert.DetectedAt))
            .ToList();

        // A catch-up run early on Monday (before 07:00) still describes the week that is due, not the new one.
        var asOf = LocalDate.Min(now.InZone(OsloClock.Oslo).Date, week.Monday.PlusDays(6));
        using var lease = await rules.AcquireAsync(asOf, null, cancellationToken);
        return DigestBuilder.Build(stored, lease.Rules.Catalog, open, changes, asOf);
    }

    private static List<EmailRecipient> Recipients(MunicipalityRecords stored) =>
    [
        .. stored.Municipality.Leaders
            .Where(leader => leader.Email is { Length: > 0 } address && MailboxAddress.TryParse(address, out _))
            .Select(leader => new EmailRecipient(leader.Id, leader.Name, leader.Email!)),
    ];

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly digest {Week} of municipality {MunicipalityId} sent to {Leaders} leaders")]
    private partial void LogSent(string municipalityId, DigestWeek week, int leaders);

    [LoggerMessage(Level = LogLevel.Error, Message = "Weekly digest {Week} of municipality {MunicipalityId} failed; the next run tries again")]
    private partial void LogFailed(Exception exception, string municipalityId, DigestWeek week);
}
