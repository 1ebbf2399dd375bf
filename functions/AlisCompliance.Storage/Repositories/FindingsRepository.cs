using System.Globalization;
using System.Text.Json;
using AlisCompliance.Core.Compliance;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The <c>findings</c> table: per ALIS (PartitionKey <c>a|{municipalityId}|{alisId}</c>) one row per rule with an open
/// finding (RowKey the rule id), and an outbox of alerts (RowKey <c>outbox|{alertId}</c>). Saving an evaluation writes the
/// new findings, deletes the resolved ones and adds an outbox row per transition in ONE transaction, conditional on the
/// ETags read: two evaluations of the same ALIS at once cannot both report the same transition.
/// </summary>
public sealed class FindingsRepository(ComplianceStorage storage)
{
    /// <summary>Evidence above this many characters is replaced by a note (a string property holds 32 K).</summary>
    public const int MaxEvidenceLength = 30_000;

    private const string OutboxPrefix = "outbox|";
    private const int MaxAttempts = 5;

    private readonly TableClient table = (storage ?? throw new ArgumentNullException(nameof(storage))).Findings;
    private readonly Azure.Core.RetryOptions retry = storage.TransactionRetry;

    public static string PartitionKey(string municipalityId, string alisId) => RecordKeys.AlisPartition(municipalityId, alisId);

    /// <summary>The open findings of one ALIS, by rule id.</summary>
    public async Task<IReadOnlyList<StoredFinding>> ListAsync(string municipalityId, string alisId, CancellationToken cancellationToken = default)
    {
        var rows = await TableBatches.ReadPartitionAsync(table, PartitionKey(municipalityId, alisId), cancellationToken);
        return [.. rows.Where(row => !IsOutbox(row)).Select(ToFinding)];
    }

    /// <summary>Alerts saved with an evaluation and not yet moved to the alerts table.</summary>
    public async Task<IReadOnlyList<Alert>> ListOutboxAsync(string municipalityId, string alisId, CancellationToken cancellationToken = default)
    {
        var rows = await TableBatches.ReadPartitionAsync(table, PartitionKey(municipalityId, alisId), cancellationToken);
        return [.. rows.Where(IsOutbox).Select(AlertEntities.FromEntity)];
    }

    public Task RemoveFromOutboxAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return TableRows.DeleteIfExistsAsync(table, PartitionKey(alert.MunicipalityId, alert.AlisId), OutboxPrefix + alert.Id, ETag.All, cancellationToken);
    }

    /// <summary>
    /// Removes alerts from their ALIS's outbox: one transaction per ALIS and 100 alerts; when one is already gone (another
    /// drain of the same outbox removed it), one at a time.
    /// </summary>
    public async Task RemoveFromOutboxAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var chunks = alerts.GroupBy(alert => PartitionKey(alert.MunicipalityId, alert.AlisId), StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(TableTransactions.MaxActions));
        foreach (var chunk in chunks)
        {
            var actions = chunk.Select(alert => new TableTransactionAction(
                TableTransactionActionType.Delete, new TableEntity(PartitionKey(alert.MunicipalityId, alert.AlisId), OutboxPrefix + alert.Id), ETag.All)).ToList();
            try
            {
                await TableTransactions.SubmitAsync(table, actions, retry, cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.IsNotFound())
            {
                foreach (var alert in chunk)
                {
                    await RemoveFromOutboxAsync(alert, cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// Replaces the open findings of one ALIS with those of a new evaluation and returns the transitions. Unchanged
    /// findings keep their first-seen time. Retried (re-read, re-compared) when another evaluation wrote in between.
    /// </summary>
    /// <param name="municipalityId">The municipality.</param>
    /// <param name="alisId">The ALIS.</param>
    /// <param name="findings">Every finding of the evaluation for this ALIS (at most one per rule).</param>
    /// <param name="ruleSetVersion">The rule set evaluated.</param>
    /// <param name="evaluatedAt">When (from the injected clock); also names the evaluation in alert ids.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The transitions and the alerts put in the outbox.</returns>
    public async Task<EvaluationSaveResult> SaveEvaluationAsync(
        string municipalityId, string alisId, IReadOnlyList<Finding> findings, string ruleSetVersion, Instant evaluatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var partition = PartitionKey(municipalityId, alisId);
        var evaluationId = evaluatedAt.ToDateTimeOffset().ToString("yyyyMMdd'T'HHmmssfffffff'Z'", CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            var rows = await TableBatches.ReadPartitionAsync(table, partition, cancellationToken);
            var stored = rows.Where(row => !IsOutbox(row)).ToList();
            var leftInOutbox = rows.Where(IsOutbox).Select(AlertEntities.FromEntity).ToList();
            var before = stored.ToDictionary(row => row.GetString("RuleId") ?? TableKeys.Unescape(row.RowKey), StringComparer.Ordinal);
            var transitions = FindingTransitions.Compare(before.Values.Select(row => ToFinding(row).ToOpenFinding()), findings);
            var alerts = transitions.Select(transition => new Alert(
                municipalityId, alisId, transition.RuleId, transition.Kind, transition.Before, transition.After,
                transition.Current?.Message, transition.Current?.LegalReference ?? before.GetValueOrDefault(transition.RuleId)?.GetString("LegalReference"),
                evaluationId, evaluatedAt)).ToList();

            var actions = new List<TableTransactionAction>();
            foreach (var finding in findings)
            {
                var old = before.GetValueOrDefault(finding.RuleId);
                var firstSeen = old is null ? evaluatedAt : StorageTime.ToInstant(old.GetDateTimeOffset("FirstSeen")) ?? evaluatedAt;
                var entity = ToEntity(partition, finding, firstSeen, evaluatedAt, ruleSetVersion);
                actions.Add(old is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, old.ETag));
            }

            foreach (var resolved in transitions.Where(transition => transition.Kind == FindingTransitionKind.Resolved))
            {
                var old = before[resolved.RuleId];
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, old.RowKey), old.ETag));
            }

            actions.AddRange(alerts.Select(alert => new TableTransactionAction(TableTransactionActionType.Add, AlertEntities.ToEntity(alert, partition, OutboxPrefix + alert.Id))));
            if (actions.Count == 0)
            {
                return new EvaluationSaveResult([], [], leftInOutbox);
            }

            if (actions.Count > TableTransactions.MaxActions)
            {
                throw new InvalidOperationException(
                    $"ALIS {alisId} has {actions.Count} finding changes; one evaluation can save at most {TableTransactions.MaxActions} in its transaction.");
            }

            try
            {
                await TableTransactions.SubmitAsync(table, actions, retry, cancellationToken);
                return new EvaluationSaveResult(transitions, alerts, [.. leftInOutbox, .. alerts]);
            }
            catch (TableTransactionFailedException exception) when (TableBatches.IsLostRace(exception) && attempt < MaxAttempts)
            {
                // Another evaluation of this ALIS wrote in between: compare against what it wrote.
            }
        }
    }

    private static bool IsOutbox(TableEntity row) => row.RowKey.StartsWith(OutboxPrefix, StringComparison.Ordinal);

    private static TableEntity ToEntity(string partition, Finding finding, Instant firstSeen, Instant evaluatedAt, string ruleSetVersion)
    {
        var evidence = finding.Evidence.ToJsonString();
        if (evidence.Length > MaxEvidenceLength)
        {
            evidence = JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal) { ["truncated"] = true, ["length"] = evidence.Length });
        }

        var entity = new TableEntity(partition, TableKeys.Escape(finding.RuleId))
        {
            ["MunicipalityId"] = finding.MunicipalityId,
            ["AlisId"] = finding.AlisId,
            ["RuleId"] = finding.RuleId,
            ["Severity"] = SeverityNames.Code(finding.Severity),
            ["Message"] = finding.Message,
            ["LegalReference"] = finding.LegalReference,
            ["Audience"] = string.Join(',', finding.Audience),
            ["Evidence"] = evidence,
            ["FirstSeen"] = StorageTime.ToStored(firstSeen),
            ["LastEvaluated"] = StorageTime.ToStored(evaluatedAt),
            ["RuleSetVersion"] = ruleSetVersion,
        };
        if (finding.Outcome is not null)
        {
            entity["Outcome"] = finding.Outcome;
        }

        return entity;
    }

    private static StoredFinding ToFinding(TableEntity row) => new(
        row.GetString("MunicipalityId") ?? string.Empty,
        row.GetString("AlisId") ?? string.Empty,
        row.GetString("RuleId") ?? TableKeys.Unescape(row.RowKey),
        row.GetString("Outcome"),
        SeverityNames.TryParse(row.GetString("Severity"), out var severity) ? severity : Severity.Warning,
        row.GetString("Message") ?? string.Empty,
        row.GetString("LegalReference") ?? string.Empty,
        (row.GetString("Audience") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.GetString("Evidence") ?? "{}",
        StorageTime.ToInstant(row.GetDateTimeOffset("FirstSeen")) ?? default,
        StorageTime.ToInstant(row.GetDateTimeOffset("LastEvaluated")) ?? default,
        row.GetString("RuleSetVersion") ?? string.Empty)
    {
        ETag = row.ETag,
    };
}
