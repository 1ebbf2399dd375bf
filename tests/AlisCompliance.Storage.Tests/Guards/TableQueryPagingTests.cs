using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using Azure.Data.Tables;

namespace AlisCompliance.Storage.Tests.Guards;

/// <summary>1,500 rows in one partition: more than the 1,000 the service returns per page, so every read crosses a continuation.</summary>
[Collection(AzuriteTableQueries.Name)]
public sealed class TableQueryPagingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int EntityCount = 1500;
    private TableClient table = null!;

    public async Task InitializeAsync()
    {
        table = azurite.CreateTableClient("paging");
        await table.CreateIfNotExistsAsync();
        var actions = Enumerable.Range(0, EntityCount)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("part", $"row{i:0000}") { ["Index"] = i }))
            .ToList();
        await TableBatches.SubmitAsync(table, actions, Retry, CancellationToken.None);
    }

    public Task DisposeAsync() => table.DeleteAsync();

    [Fact]
    public async Task A_partition_read_returns_every_row_across_continuation_pages()
    {
        var rows = await TableBatches.ReadPartitionAsync(table, "part", CancellationToken.None);

        rows.Select(row => row.GetInt32("Index")!.Value).Order().Should().Equal(Enumerable.Range(0, EntityCount));
    }

    [Fact]
    public async Task A_key_range_reads_only_keys_and_only_the_range()
    {
        var keys = await TableBatches.ListRowKeysAsync(table, "part", "row0100", "row1400", CancellationToken.None);

        keys.Should().HaveCount(1300).And.BeInAscendingOrder(StringComparer.Ordinal);
        keys[0].Should().Be("row0100");
    }

    [Fact]
    public async Task Deleting_many_rows_goes_in_transactions_of_100_and_counts_rows_already_gone_as_not_deleted()
    {
        var keys = Enumerable.Range(0, 250).Select(i => $"row{i:0000}").Append("never-there").ToList();

        var deleted = await TableBatches.DeleteAsync(table, "part", keys, Retry, CancellationToken.None);

        deleted.Should().Be(250);
        (await TableBatches.ReadPartitionAsync(table, "part", CancellationToken.None)).Should().HaveCount(EntityCount - 250);
    }

    private static Azure.Core.RetryOptions Retry => AzuriteFixture.FastRetryOptions().Tables.Retry;
}
