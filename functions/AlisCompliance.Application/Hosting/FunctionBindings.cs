namespace AlisCompliance.Application.Hosting;

/// <summary>
/// The triggers of the functions, shared by the Azure worker's attributes and <c>alis serve</c>, so the two hosts
/// cannot drift (a test compares serve's bindings with the worker's generated functions.metadata).
/// </summary>
public static class FunctionBindings
{
    public const string IngestRecords = "IngestRecords";
    public const string EvaluateAlis = "EvaluateAlis";
    public const string DeliverAlert = "DeliverAlert";
    public const string NightlySweep = "NightlySweep";
    public const string WeeklyDigest = "WeeklyDigest";
    public const string ComplianceStatus = "ComplianceStatus";
    public const string ServiceHealth = "ServiceHealth";
    public const string AuditQuery = "AuditQuery";
    public const string PublishRules = "PublishRules";

    public const string AlisChangedQueue = "alis-changed";
    public const string LeaderAlertsQueue = "leader-alerts";

    /// <summary>01:00 UTC is 02:00 or 03:00 in Oslo: after the day's ingests, before anyone reads the status page.</summary>
    public const string NightlySweepSchedule = "0 0 1 * * *";

    /// <summary>
    /// Hourly at five past: timers run in UTC on Flex Consumption, so the digest use case decides in Europe/Oslo time
    /// whether this week's Monday 07:00 has come and the week's digest is still unsent.
    /// </summary>
    public const string WeeklyDigestSchedule = "0 5 * * * *";

    public const string IngestRoute = "municipalities/{municipalityId}/records";
    public const string StatusRoute = "municipalities/{municipalityId}/status";
    public const string HealthRoute = "health";
    public const string AuditRoute = "audit";
    public const string PublishRulesRoute = "rules/publish";

    /// <summary>host.json's <c>extensions.http.routePrefix</c>.</summary>
    public const string RoutePrefix = "api";
}
