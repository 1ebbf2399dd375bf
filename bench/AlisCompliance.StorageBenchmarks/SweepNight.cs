namespace AlisCompliance.StorageBenchmarks;

/// <summary>One measured sweep: the night's numbers.</summary>
/// <param name="Name">Which night.</param>
/// <param name="Enqueue">NightlySweep's own run: listing and queueing every ALIS.</param>
/// <param name="Evaluated">From the start of the sweep until every ALIS queued is evaluated and alis-changed is empty.</param>
/// <param name="AlisQueued">What NightlySweep returned.</param>
/// <param name="Evaluations">EvaluateAlis calls that finished (a retried message counts once per success).</param>
/// <param name="EvaluationFailures">EvaluateAlis calls that threw (each is retried by the queue).</param>
/// <param name="FindingsStored">Open findings in the findings table afterwards.</param>
/// <param name="AlertsQueued">Alerts this sweep added to the alerts table (each one a leader-alerts message).</param>
/// <param name="Delivery">From releasing DeliverAlert until leader-alerts is empty and every alert delivered; null when not delivered.</param>
/// <param name="MailsSent">Mails the SMTP sink accepted during this night.</param>
/// <param name="ServeCpu">This process's CPU time over the sweep (serve and the benchmark).</param>
/// <param name="AzuriteCpu">Azurite's CPU time over the sweep.</param>
internal sealed record SweepNight(
    string Name,
    TimeSpan Enqueue,
    TimeSpan Evaluated,
    int AlisQueued,
    long Evaluations,
    long EvaluationFailures,
    int FindingsStored,
    int AlertsQueued,
    TimeSpan? Delivery,
    long MailsSent,
    TimeSpan ServeCpu,
    TimeSpan AzuriteCpu)
{
    public double AlisPerSecond => AlisQueued / Evaluated.TotalSeconds;
}
