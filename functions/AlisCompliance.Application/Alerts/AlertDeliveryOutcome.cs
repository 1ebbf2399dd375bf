namespace AlisCompliance.Application.Alerts;

/// <summary>What one delivery attempt ended with (failures that should be retried throw instead).</summary>
public enum AlertDeliveryOutcome
{
    /// <summary>The server accepted the mail and the alert is marked delivered.</summary>
    Sent,

    /// <summary>The mail went, but the claim had run out and another instance owns the alert now.</summary>
    SentClaimLost,

    /// <summary>Already delivered, undeliverable or unconfirmed: nothing sent.</summary>
    AlreadyDone,

    /// <summary>No such alert is stored.</summary>
    NotFound,

    /// <summary>The leader has no usable address: undeliverable, shown on the status page.</summary>
    NoAddress,

    /// <summary>The mail server refused it for good: undeliverable, shown on the status page.</summary>
    Rejected,

    /// <summary>An earlier sender vanished mid-send: not sent again.</summary>
    Unconfirmed,
}
