using AlisCompliance.Core.Compliance;
using Azure;
using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>Where an alert is in its delivery.</summary>
public enum AlertState
{
    /// <summary>Not sent yet (or a send failed and it waits for the next try).</summary>
    Pending,

    /// <summary>A sender has claimed it until <see cref="Alert.LeaseUntil"/>.</summary>
    Sending,

    /// <summary>Sent; never sent again.</summary>
    Delivered,

    /// <summary>Cannot be sent (the leader has no address, or the mail server refused it for good); shown on the status page.</summary>
    Undeliverable,

    /// <summary>
    /// A sender claimed it and vanished before recording the outcome: it may have been sent. Not sent again, so a
    /// leader never gets the same alert twice; shown on the status page.
    /// </summary>
    Unconfirmed,
}

/// <summary>
/// An alert to a municipality's leader about one finding transition. <see cref="Id"/> is deterministic (ALIS, rule,
/// transition, evaluation), so storing the same alert twice keeps one.
/// </summary>
public sealed record Alert(
    string MunicipalityId,
    string AlisId,
    string RuleId,
    FindingTransitionKind Kind,
    Severity? Before,
    Severity? After,
    string? Message,
    string? LegalReference,
    string EvaluationId,
    Instant DetectedAt)
{
    public string Id => TableKeys.Join(AlisId, RuleId, Kind.ToString(), EvaluationId);

    public AlertState State { get; init; } = AlertState.Pending;

    public int Attempts { get; init; }

    public Instant? LeaseUntil { get; init; }

    public Instant? DeliveredAt { get; init; }

    /// <summary>Why the last try failed: an error code, never recipient data.</summary>
    public string? LastError { get; init; }

    public ETag ETag { get; init; }
}
