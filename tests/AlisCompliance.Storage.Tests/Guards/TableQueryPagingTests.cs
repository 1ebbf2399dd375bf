using AlisCompliance.Storage.Tables;
using AlisCompliance.Storage.Tests.Infrastructure;

namespace AlisCompliance.Storage.Tests.Tables;

/// <summary>1,500 entities: more than the 1,000 the service returns per page, so every read crosses a continuation.</summary>
[Collection(AzuriteTableQueries.Name)]
public sealed class TableQueryPagingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int EntityCount = 1500;
    private TableClient table = null!;

    public async Task InitializeAsync()
    {
        table = azurite.CreateTableClient("paging");
        await table.CreateIfNotExistsAsync();

        // 15 transactions of 100, spread over three partitions so continuations cross partitions too.
        var batches = Enumerable.Range(0, EntityCount)
            .Select(i => new TableEntity($"part{i % 3}", $"row{i:0000}").With("Index", i))
            .GroupBy(entity => entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(TableClient.MaxTransactionActions));
        await Task.WhenAll(batches.Select(batch => table.SubmitTransactionAsync(batch.Select(TableTransactionAction.Add))));
    }

    public Task DisposeAsync() => table.DeleteIfExistsAsync();

    [Fact]
    public async Task All_1500_entities_come_back_across_continuation_pages()
    {
        var entities = await table.QueryAsync().ToListAsync();

        entities.Should().HaveCount(EntityCount);
        entities.Select(e => e.GetInt32("Index")!.Value).Order().Should().Equal(Enumerable.Range(0, EntityCount));
    }

    [Fact]
    public async Task The_first_page_holds_1000_and_the_rest_follows_on_a_second_page()
    {
        var pages = await table.QueryAsync().AsPages().ToListAsync();

        pages.Select(page => page.Values.Count).Should().Equal(1000, 500);
        pages[0].ContinuationToken.Should().NotBeNullOrEmpty();
        pages[^1].ContinuationToken.Should().BeNull();
    }

    [Fact]
    public async Task A_page_size_and_a_continuation_token_resume_where_a_page_ended()
    {
        var query = new TableQuery { PageSize = 400 };
        var first = await table.QueryAsync(query).AsPages().FirstAsync();

        var rest = await table.QueryAsync(query).AsPages(first.ContinuationToken).ToListAsync();

        first.Values.Should().HaveCount(400);
        rest.Select(page => page.Values.Count).Should().Equal(400, 400, 300);
        first.Values.Concat(rest.SelectMany(page => page.Values)).Select(e => e.RowKey).Should().OnlyHaveUniqueItems().And.HaveCount(EntityCount);
    }

    [Fact]
    public async Task Top_limits_the_total_across_pages()
    {
        var entities = await table.QueryAsync(new TableQuery { Top = 1200 }).ToListAsync();

        entities.Should().HaveCount(1200);
    }

    [Fact]
    public async Task A_filter_and_select_apply_on_every_page()
    {
        var query = new TableQuery
        {
            Filter = TableFilter.Create($"Index ge {100}"),
            Select = ["Index"],
            PageSize = 500,
        };

        var entities = await table.QueryAsync(query).ToListAsync();

        entities.Should().HaveCount(EntityCount - 100);
        entities.Should().OnlyContain(e => e.GetInt32("Index") >= 100 && e.Properties.Count == 1);
    }
}
