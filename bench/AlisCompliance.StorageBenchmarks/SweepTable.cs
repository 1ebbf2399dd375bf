using System.Globalization;

namespace AlisCompliance.StorageBenchmarks;

/// <summary>The sweep benchmark's result: one row per night.</summary>
internal static class SweepTable
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<SweepNight> nights)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync("| night | ALIS queued | enqueue | all evaluated | ALIS/s | evaluations (failed tries) | findings stored | alerts queued | delivery (mails) | CPU serve / Azurite |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var night in nights)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"| {night.Name} | {night.AlisQueued} | {night.Enqueue.TotalSeconds:0.0} s | {night.Evaluated.TotalSeconds:0.0} s | {night.AlisPerSecond:0.0} | {night.Evaluations} ({night.EvaluationFailures}) | {night.FindingsStored} | {night.AlertsQueued} | {(night.Delivery is { } delivery ? $"{delivery.TotalSeconds:0.0} s ({night.MailsSent})" : "discarded")} | {night.ServeCpu.TotalSeconds:0} s / {night.AzuriteCpu.TotalSeconds:0} s |"));
        }

        await output.WriteLineAsync();
    }
}
