using AlisCompliance.Storage.Repositories;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Application.Sweep;

/// <summary>
/// The NightlySweep function: time alone changes findings (deadlines come closer, months pass without supervision), so
/// every stored ALIS is queued for evaluation every night. One municipality at a time, from its index rows: a sweep of
/// all of Norway holds one municipality's ids in memory, never the records.
/// </summary>
public sealed partial class NightlySweep(RecordsRepository records, AlisChangedMessages queue, ILogger<NightlySweep> logger)
{
    /// <summary>Sends this many messages at a time.</summary>
    public const int MaxConcurrency = 16;

    /// <summary>The batch id the sweep's messages carry: not an ingest, the ALIS's stored records as they are.</summary>
    public const string SweepBatchId = "sweep";

    /// <summary>Returns the number of ALIS queued.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => EnqueueAllAsync(SweepBatchId, cancellationToken);

    /// <summary>Queues every stored ALIS of every municipality with this batch id; returns the number queued.</summary>
    public async Task<int> EnqueueAllAsync(string batchId, CancellationToken cancellationToken)
    {
        var queued = 0;
        var municipalities = await records.ListMunicipalitiesAsync(cancellationToken);
        foreach (var municipality in municipalities)
        {
            var alis = await records.ListAlisAsync(municipality.MunicipalityId, cancellationToken);
            var messages = alis.Select(entry => new AlisChangedMessage(entry.MunicipalityId, entry.AlisId, batchId)).ToList();
            queued += await queue.SendAllAsync(messages, MaxConcurrency, cancellationToken);
        }

        LogSwept(queued, municipalities.Count, batchId);
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Alis} ALIS of {Municipalities} municipalities for evaluation (batch {BatchId})")]
    private partial void LogSwept(int alis, int municipalities, string batchId);
}
