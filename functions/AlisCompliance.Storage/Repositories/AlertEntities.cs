using AlisCompliance.Core.Compliance;
using Azure.Data.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>An <see cref="Alert"/> as table properties, both in the <c>alerts</c> table and in a findings partition's outbox.</summary>
internal static class AlertEntities
{
    public static TableEntity ToEntity(Alert alert, string partitionKey, string rowKey)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ["MunicipalityId"] = alert.MunicipalityId,
            ["AlisId"] = alert.AlisId,
            ["RuleId"] = alert.RuleId,
            ["Kind"] = alert.Kind.ToString(),
            ["EvaluationId"] = alert.EvaluationId,
            ["DetectedAt"] = StorageTime.ToStored(alert.DetectedAt),
            ["State"] = alert.State.ToString(),
            ["Attempts"] = alert.Attempts,
        };
        Optional(entity, "Before", alert.Before is { } before ? SeverityNames.Code(before) : null);
        Optional(entity, "After", alert.After is { } after ? SeverityNames.Code(after) : null);
        Optional(entity, "Message", alert.Message);
        Optional(entity, "LegalReference", alert.LegalReference);
        Optional(entity, "LastError", alert.LastError);
        Optional(entity, "LeaseUntil", alert.LeaseUntil is { } lease ? StorageTime.ToStored(lease) : null);
        Optional(entity, "DeliveredAt", alert.DeliveredAt is { } delivered ? StorageTime.ToStored(delivered) : null);
        return entity;
    }

    public static Alert FromEntity(TableEntity entity) => new(
        entity.GetString("MunicipalityId") ?? string.Empty,
        entity.GetString("AlisId") ?? string.Empty,
        entity.GetString("RuleId") ?? string.Empty,
        Enum.Parse<FindingTransitionKind>(entity.GetString("Kind") ?? nameof(FindingTransitionKind.New)),
        Severity(entity.GetString("Before")),
        Severity(entity.GetString("After")),
        entity.GetString("Message"),
        entity.GetString("LegalReference"),
        entity.GetString("EvaluationId") ?? string.Empty,
        StorageTime.ToInstant(entity.GetDateTimeOffset("DetectedAt")) ?? default)
    {
        State = Enum.Parse<AlertState>(entity.GetString("State") ?? nameof(AlertState.Pending)),
        Attempts = entity.GetInt32("Attempts") ?? 0,
        LeaseUntil = StorageTime.ToInstant(entity.GetDateTimeOffset("LeaseUntil")),
        DeliveredAt = StorageTime.ToInstant(entity.GetDateTimeOffset("DeliveredAt")),
        LastError = entity.GetString("LastError"),
        ETag = entity.ETag,
    };

    private static Severity? Severity(string? code) => SeverityNames.TryParse(code, out var severity) ? severity : null;

    private static void Optional(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }
}
