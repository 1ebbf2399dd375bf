using AlisCompliance.Application.Queues;
using AlisCompliance.Application.Rules;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Storage.Repositories;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AlisCompliance.Application.Evaluation;

/// <summary>
/// The EvaluateAlis function: one <c>alis-changed</c> message. Loads the ALIS, evaluates the rule set as of today in
/// Europe/Oslo, stores the findings and queues one alert per transition. At-least-once safe: the findings and the
/// transitions' alerts are saved in one transaction, and an alert leaves the outbox only after its queue message is
/// sent, so a crash anywhere loses no alert, and a redelivered message finds nothing changed and alerts nothing.
/// </summary>
public sealed partial class EvaluateAlis(
    ComplianceRules rules,
    RecordsRepository records,
    FindingsRepository findings,
    AlertOutbox outbox,
    IClock clock,
    ILogger<EvaluateAlis> logger)
{
    /// <summary>Throws on a message that cannot be processed, so the queue retries it and finally poisons it.</summary>
    public async Task RunAsync(string message, CancellationToken cancellationToken)
    {
        var changed = AlisChangedMessage.Parse(message)
            ?? throw new UnreadableMessageException("An alis-changed message must be JSON with municipalityId, alisId and batchId.");
        var outcome = await EvaluateAsync(changed.MunicipalityId, changed.AlisId, ComplianceRules.PublicationIdOf(changed.BatchId), cancellationToken);
        LogEvaluated(changed.MunicipalityId, changed.AlisId, outcome.Findings, outcome.Alerts, outcome.RuleErrors, outcome.RuleSetVersion);
    }

    /// <summary>
    /// Evaluates one ALIS with the rule set in force today in Oslo, saves the findings (with that version's content hash)
    /// and queues the alerts. <paramref name="publicationId"/>: the publication a re-evaluation was queued for, so a
    /// cached list of publications that does not know it yet is read again.
    /// </summary>
    public async Task<EvaluationOutcome> EvaluateAsync(string municipalityId, string alisId, string? publicationId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var today = OsloClock.Today(clock);
        using var lease = await rules.AcquireAsync(today, publicationId, cancellationToken);
        var compiled = lease.Rules;
        var stored = await records.LoadAlisAsync(municipalityId, alisId, cancellationToken);
        var alis = stored?.Alis.FirstOrDefault(candidate => string.Equals(candidate.Id, alisId, StringComparison.Ordinal));

        // An ALIS no longer stored, or no longer in training, has no open findings: its old ones resolve.
        var evaluation = stored is null || alis is null ? AlisEvaluation.None : compiled.Checker.EvaluateAlis(stored, alis, today);
        foreach (var error in evaluation.Errors)
        {
            LogRuleError(municipalityId, alisId, error.RuleId);
        }

        var saved = await findings.SaveEvaluationAsync(municipalityId, alisId, evaluation.Findings, compiled.Version, now, cancellationToken);
        var queued = await outbox.MoveAsync(saved.Outbox, cancellationToken);
        return new EvaluationOutcome(evaluation.Findings.Count, queued.Count, evaluation.Errors.Count) { RuleSetVersion = compiled.Version };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluated ALIS {AlisId} of municipality {MunicipalityId} with rule set {RuleSetVersion}: {Findings} open findings, {Alerts} alerts queued, {RuleErrors} rule errors")]
    private partial void LogEvaluated(string municipalityId, string alisId, int findings, int alerts, int ruleErrors, string ruleSetVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule {RuleId} failed at evaluation for ALIS {AlisId} of municipality {MunicipalityId}")]
    private partial void LogRuleError(string municipalityId, string alisId, string ruleId);
}
