using AlisCompliance.Core.Compliance;
using AlisCompliance.Storage.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>An <see cref="Alert"/> as table properties, both in the <c>alerts</c> table and in a findings partition's outbox.</summary>
internal static class AlertEntities
{
    public static TableEntity ToEntity(Alert alert, string partitionKey, string rowKey)
    {
        var properties = new List<KeyValuePair<string, object>>
        {
            new("MunicipalityId", alert.MunicipalityId),
            new("AlisId", alert.AlisId),
            new("RuleId", alert.RuleId),
            new("Kind", alert.Kind.ToString()),
            new("EvaluationId", alert.EvaluationId),
            new("DetectedAt", StorageTime.ToStored(alert.DetectedAt)),
            new("State", alert.State.ToString()),
            new("Attempts", alert.Attempts),
        };
        Optional(properties, "Before", alert.Before is { } before ? SeverityNames.Code(before) : null);
        Optional(properties, "After", alert.After is { } after ? SeverityNames.Code(after) : null);
        Optional(properties, "Message", alert.Message);
        Optional(properties, "LegalReference", alert.LegalReference);
        Optional(properties, "LastError", alert.LastError);
        if (alert.LeaseUntil is { } lease)
        {
            properties.Add(new("LeaseUntil", StorageTime.ToStored(lease)));
        }

        if (alert.DeliveredAt is { } delivered)
        {
            properties.Add(new("DeliveredAt", StorageTime.ToStored(delivered)));
        }

        return new TableEntity(partitionKey, rowKey, properties);
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

    private static void Optional(List<KeyValuePair<string, object>> properties, string name, string? value)
    {
        if (value is not null)
        {
            properties.Add(new(name, value));
        }
    }
}
