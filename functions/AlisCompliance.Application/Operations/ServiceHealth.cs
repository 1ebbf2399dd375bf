using AlisCompliance.Application.Hosting;
using AlisCompliance.Storage.Repositories;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AlisCompliance.Application.Operations;

/// <summary>
/// The ServiceHealth function, for operators: whether storage answers, and how many messages wait in each function
/// queue and its poison queue. Counts only; no message is read.
/// </summary>
public sealed class ServiceHealth(ComplianceStorage storage)
{
    public async Task<HttpAnswer> RespondAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in storage.Audit.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1).WithCancellation(cancellationToken))
            {
                break;
            }

            var queues = new List<object>();
            foreach (var (queue, poison) in new[] { (storage.AlisChanged, storage.AlisChangedPoison), (storage.LeaderAlerts, storage.LeaderAlertsPoison) })
            {
                queues.Add(new { name = queue.Name, messages = await CountAsync(queue, cancellationToken), poison = await CountAsync(poison, cancellationToken) });
            }

            return JsonAnswers.Create(200, new { storage = "ok", queues });
        }
        catch (RequestFailedException)
        {
            return JsonAnswers.Create(503, new { message = "Lagringskontoen svarer ikke som den skal.", storage = "unavailable" });
        }
        catch (AggregateException)
        {
            return JsonAnswers.Create(503, new { message = "Lagringskontoen svarer ikke.", storage = "unreachable" });
        }
    }

    /// <summary>The queue's approximate length; a poison queue nothing has failed into yet does not exist: 0.</summary>
    private static async Task<int> CountAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return 0;
        }
    }
}
