using AlisCompliance.Application.Email;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Queues;
using AlisCompliance.Application.Rules;
using AlisCompliance.Storage.Repositories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace AlisCompliance.Application.Alerts;

/// <summary>
/// The DeliverAlert function: emails the ALIS's leader about one alert, exactly once. The alert is claimed with an ETag
/// (one sender at a time) and marked delivered right after the server accepts the mail, before the queue message is
/// completed. A sender that vanished between the two (its claim ran out) may have sent the mail: such an alert is marked
/// unconfirmed and not sent again, so a leader never gets it twice; it stays on the status page. A clean failure
/// (the server could not be reached) gives the alert back and the queue tries again; the mail's Message-ID is derived
/// from the alert, so a recipient's server can also recognise a repeat.
/// </summary>
public sealed partial class DeliverAlert(
    AlertsRepository alerts,
    RecordsRepository records,
    ComplianceRules rules,
    IMailSender mail,
    IOptions<ServiceOptions> options,
    IOptions<SmtpOptions> smtp,
    IClock clock,
    ILogger<DeliverAlert> logger)
{
    /// <summary>Longer than a send may take (the SMTP timeout is below it), so a live sender never loses its claim.</summary>
    public static readonly Duration Lease = Duration.FromMinutes(1);

    public async Task RunAsync(string message, CancellationToken cancellationToken)
    {
        var request = LeaderAlertMessage.Parse(message)
            ?? throw new UnreadableMessageException("A leader-alerts message must be JSON with municipalityId, alisId and alertId.");
        var outcome = await DeliverAsync(request, cancellationToken);
        LogOutcome(request.MunicipalityId, request.AlisId, request.AlertId, outcome);
    }

    public async Task<AlertDeliveryOutcome> DeliverAsync(LeaderAlertMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alert = await alerts.GetAsync(request.MunicipalityId, request.AlertId, cancellationToken);
        if (alert is null)
        {
            return AlertDeliveryOutcome.NotFound;
        }

        if (alert.State is AlertState.Delivered or AlertState.Undeliverable or AlertState.Unconfirmed)
        {
            return AlertDeliveryOutcome.AlreadyDone;
        }

        var now = clock.GetCurrentInstant();
        if (alert.State == AlertState.Sending && alert.LeaseUntil > now)
        {
            throw new AlertBusyException($"Alert {alert.Id} is being sent by another instance until {alert.LeaseUntil}; try again later.");
        }

        var claimed = await alerts.TryBeginDeliveryAsync(alert, now, Lease, cancellationToken)
            ?? throw new AlertBusyException($"Alert {alert.Id} changed while it was claimed; try again.");
        if (alert.State == AlertState.Sending)
        {
            await alerts.GiveUpAsync(claimed, AlertState.Unconfirmed, "sender-vanished", cancellationToken);
            return AlertDeliveryOutcome.Unconfirmed;
        }

        var email = await ComposeAsync(claimed, cancellationToken);
        if (email is null)
        {
            await alerts.GiveUpAsync(claimed, AlertState.Undeliverable, "no-address", cancellationToken);
            return AlertDeliveryOutcome.NoAddress;
        }

        try
        {
            await mail.SendAsync(email, cancellationToken);
        }
        catch (MailRejectedException rejected)
        {
            await alerts.GiveUpAsync(claimed, AlertState.Undeliverable, $"rejected-{rejected.ReplyCode}", cancellationToken);
            return AlertDeliveryOutcome.Rejected;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await alerts.FailDeliveryAsync(claimed, exception.GetType().Name, CancellationToken.None);
            throw;
        }

        return await alerts.CompleteDeliveryAsync(claimed, clock.GetCurrentInstant(), CancellationToken.None) is null
            ? AlertDeliveryOutcome.SentClaimLost
            : AlertDeliveryOutcome.Sent;
    }

    private async Task<MimeMessage?> ComposeAsync(Alert alert, CancellationToken cancellationToken)
    {
        var stored = await records.LoadAlisAsync(alert.MunicipalityId, alert.AlisId, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var alis = stored.Alis.FirstOrDefault(candidate => string.Equals(candidate.Id, alert.AlisId, StringComparison.Ordinal));
        var leader = stored.Municipality.Leaders.FirstOrDefault(candidate => string.Equals(candidate.Id, alis?.LeaderId, StringComparison.Ordinal));
        if (leader?.Email is not { Length: > 0 } address || !MailboxAddress.TryParse(address, out _))
        {
            return null;
        }

        using var lease = await rules.AcquireAsync(cancellationToken);
        var compiled = lease.Rules;
        var settings = options.Value;
        var model = new AlertEmailModel(
            alert.Id,
            alert.MunicipalityId,
            stored.Municipality.Name,
            alert.AlisId,
            alis?.Name,
            alert.RuleId,
            alert.Kind,
            alert.Before,
            alert.After,
            alert.Message,
            alert.LegalReference,
            RuleTexts.LeaderAction(compiled.RuleSet, alert.RuleId),
            RuleTexts.Deadline(compiled.RuleSet, alert.RuleId),
            alert.DetectedAt.InZone(OsloClock.Oslo).Date,
            settings.StatusPage(alert.MunicipalityId),
            new EmailRecipient(leader.Id, leader.Name, address));
        return AlertEmailComposer.Compose(model, smtp.Value.From);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} for ALIS {AlisId} of municipality {MunicipalityId}: {Outcome}")]
    private partial void LogOutcome(string municipalityId, string alisId, string alertId, AlertDeliveryOutcome outcome);
}
