using AlisCompliance.Storage.Tests.Infrastructure;
using Azure;
using Azure.Data.Tables;

namespace AlisCompliance.Storage.Tests.Guards;

/// <summary>Entity-group transactions through the SDK with our checks in front: all or nothing on Azurite, and what the SDK would send wrong refused before sending.</summary>
[Collection(AzuriteTables.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task One_bad_action_writes_nothing_and_the_failure_names_its_index()
    {
        var table = await CreatedTableAsync("txatomic");
        await table.AddEntityAsync(new TableEntity("p", "existing") { ["V"] = "original" });

        var submit = () => TableTransactions.SubmitAsync(table,
        [
            Add(new TableEntity("p", "new-1")),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "new-2")),
            Add(new TableEntity("p", "existing") { ["V"] = "overwritten?" }),
            Add(new TableEntity("p", "new-3")),
        ], Retry, CancellationToken.None);

        var failure = (await submit.Should().ThrowAsync<TableTransactionFailedException>()).Which;
        failure.FailedTransactionActionIndex.Should().Be(2);
        failure.Status.Should().Be(409);
        failure.ErrorCode.Should().Be(StorageErrorCodes.EntityAlreadyExists);
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        rows.Should().ContainSingle().Which.GetString("V").Should().Be("original");
    }

    [Fact]
    public async Task A_stale_ETag_in_a_transaction_is_a_412_and_writes_nothing()
    {
        var table = await CreatedTableAsync("txetag");
        var stale = (await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 })).Headers.ETag!.Value;
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, stale, TableUpdateMode.Replace);

        var submit = () => TableTransactions.SubmitAsync(table,
        [
            Add(new TableEntity("p", "other")),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "r") { ["V"] = 3 }, stale),
        ], Retry, CancellationToken.None);

        var failure = (await submit.Should().ThrowAsync<TableTransactionFailedException>()).Which;
        failure.IsConflict().Should().BeTrue();
        failure.FailedTransactionActionIndex.Should().Be(1);
        (await table.QueryAsync<TableEntity>().ToListAsync()).Should().ContainSingle().Which.GetInt32("V").Should().Be(2);
    }

    [Fact]
    public async Task One_hundred_actions_fit_in_one_transaction_and_each_returns_its_ETag()
    {
        var table = await CreatedTableAsync("tx100");

        var responses = await TableTransactions.SubmitAsync(table, [.. Enumerable.Range(0, 100).Select(i => Add(new TableEntity("p", $"r{i:000}")))], Retry, CancellationToken.None);

        responses.Should().HaveCount(100).And.OnlyContain(response => response.Headers.ETag.HasValue);
        (await table.QueryAsync<TableEntity>().ToListAsync()).Should().HaveCount(100);
    }

    [Fact]
    public async Task Update_with_ETag_All_needs_the_entity_to_exist()
    {
        var table = await CreatedTableAsync("txall");

        var submit = () => TableTransactions.SubmitAsync(table,
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "missing"), ETag.All)], Retry, CancellationToken.None);

        (await submit.Should().ThrowAsync<TableTransactionFailedException>()).Which.Status.Should().Be(404);
        (await table.QueryAsync<TableEntity>().ToListAsync()).Should().BeEmpty("without an ETag the SDK would have sent an upsert");
    }

    [Fact]
    public async Task What_the_SDK_would_send_wrong_is_refused_before_any_request()
    {
        var neverSent = new TableClient(ClosedPort.Endpoint(), "neversent", new TableSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey));

        async Task Refused(IReadOnlyList<TableTransactionAction> actions, string message) =>
            await FluentActions.Invoking(() => TableTransactions.SubmitAsync(neverSent, actions, Retry, CancellationToken.None))
                .Should().ThrowAsync<ArgumentException>().WithMessage(message);

        await Refused([], "*1-100 actions; this one has 0*");
        await Refused([.. Enumerable.Range(0, 101).Select(i => Add(new TableEntity("p", $"r{i}")))], "*this one has 101*");
        await Refused([Add(new TableEntity("p1", "r")), Add(new TableEntity("p2", "r"))], "Action 1 is in another partition*");
        await Refused([Add(new TableEntity("p", "r")), new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "r"), ETag.All)], "Action 1 repeats a RowKey*");
        await Refused([Add(new TableEntity("p", "bad#key"))], "The RowKey contains '#'*");
        await Refused([new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "r"))], "Action 0 updates without an ETag*upsert*ETag.All*");
        await Refused([Add(new TableEntity("p", "r") { ["Notes"] = new string('x', 40_000) })], "String property 'Notes'*");
    }

    private static TableTransactionAction Add(TableEntity entity) => new(TableTransactionActionType.Add, entity);

    private async Task<TableClient> CreatedTableAsync(string purpose)
    {
        var table = azurite.CreateTableClient(purpose);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static Azure.Core.RetryOptions Retry => AzuriteFixture.FastRetryOptions().Tables.Retry;
}
