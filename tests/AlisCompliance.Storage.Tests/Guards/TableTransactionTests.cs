using AlisCompliance.Storage.Tables;
using AlisCompliance.Storage.Tests.Infrastructure;
using Azure;

namespace AlisCompliance.Storage.Tests.Tables;

[Collection(AzuriteTables.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_transaction_applies_every_kind_of_operation_and_returns_results_in_order()
    {
        var table = await CreatedTableAsync("txmix");
        var toUpdate = await table.AddEntityAsync(new TableEntity("p", "update").With("V", 1));
        await table.AddEntityAsync(new TableEntity("p", "merge").With("Keep", "yes"));
        await table.AddEntityAsync(new TableEntity("p", "delete"));

        var results = await table.SubmitTransactionAsync(
        [
            TableTransactionAction.Add(new TableEntity("p", "add").With("V", 1)),
            TableTransactionAction.Upsert(new TableEntity("p", "upsert").With("V", 2)),
            TableTransactionAction.Update(new TableEntity("p", "update").With("V", 3), toUpdate),
            TableTransactionAction.Update(new TableEntity("p", "merge").With("Added", "too"), ETag.All, TableUpdateMode.Merge),
            TableTransactionAction.Delete("p", "delete"),
        ]);

        results.Select(r => r.Action.Entity.RowKey).Should().Equal("add", "upsert", "update", "merge", "delete");
        results.Should().OnlyContain(r => r.Status >= 200 && r.Status < 300);
        results.Take(4).Should().OnlyContain(r => r.ETag != default);
        var rows = await table.QueryAsync().ToListAsync();
        rows.Select(e => e.RowKey).Should().BeEquivalentTo("add", "merge", "update", "upsert");
        rows.Single(e => string.Equals(e.RowKey, "update", StringComparison.Ordinal)).GetInt32("V").Should().Be(3);
        rows.Single(e => string.Equals(e.RowKey, "merge", StringComparison.Ordinal)).Properties.Keys.Should().BeEquivalentTo("Added", "Keep");
        rows.Single(e => string.Equals(e.RowKey, "add", StringComparison.Ordinal)).ETag.Should().Be(results[0].ETag);
    }

    [Fact]
    public async Task One_bad_operation_writes_nothing_and_names_its_index()
    {
        var table = await CreatedTableAsync("txatomic");
        await table.AddEntityAsync(new TableEntity("p", "existing").With("V", "original"));

        var submit = () => table.SubmitTransactionAsync(
        [
            TableTransactionAction.Add(new TableEntity("p", "new-1")),
            TableTransactionAction.Upsert(new TableEntity("p", "new-2")),
            TableTransactionAction.Add(new TableEntity("p", "existing").With("V", "overwritten?")),
            TableTransactionAction.Add(new TableEntity("p", "new-3")),
        ]);

        var failure = (await submit.Should().ThrowAsync<TableTransactionFailedException>()).Which;
        failure.FailedActionIndex.Should().Be(2);
        failure.FailedAction!.Entity.RowKey.Should().Be("existing");
        failure.Status.Should().Be(409);
        failure.ErrorCode.Should().Be(StorageErrorCodes.EntityAlreadyExists);
        failure.Message.Should().Contain("nothing was written").And.Contain("operation 2 (Add)");
        failure.Should().BeAssignableTo<RequestFailedException>();

        var rows = await table.QueryAsync().ToListAsync();
        rows.Should().ContainSingle().Which.GetString("V").Should().Be("original");
    }

    [Fact]
    public async Task A_stale_ETag_in_a_transaction_is_a_412_and_writes_nothing()
    {
        var table = await CreatedTableAsync("txetag");
        var stale = await table.AddEntityAsync(new TableEntity("p", "r").With("V", 1));
        await table.UpdateEntityAsync(new TableEntity("p", "r").With("V", 2), stale);

        var submit = () => table.SubmitTransactionAsync(
        [
            TableTransactionAction.Add(new TableEntity("p", "other")),
            TableTransactionAction.Update(new TableEntity("p", "r").With("V", 3), stale),
        ]);

        var failure = (await submit.Should().ThrowAsync<TableTransactionFailedException>()).Which;
        failure.IsConflict().Should().BeTrue();
        failure.FailedActionIndex.Should().Be(1);
        (await table.QueryAsync().ToListAsync()).Should().ContainSingle().Which.GetInt32("V").Should().Be(2);
    }

    [Fact]
    public async Task One_hundred_operations_fit_in_one_transaction()
    {
        var table = await CreatedTableAsync("tx100");

        var results = await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => TableTransactionAction.Add(new TableEntity("p", $"r{i:000}"))));

        results.Should().HaveCount(100);
        (await table.QueryAsync().ToListAsync()).Should().HaveCount(100);
    }

    [Fact]
    public async Task Invalid_transactions_are_refused_before_sending()
    {
        var table = new TableClient(ClosedPort.Endpoint(), "neversent", azurite.Connection.CreateSharedKeyCredential(), AzuriteFixture.FastRetryOptions());

        await table.Invoking(t => t.SubmitTransactionAsync([]))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*1 to 100 operations; this one has 0*");
        await table.Invoking(t => t.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => TableTransactionAction.Add(new TableEntity("p", $"r{i}")))))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*this one has 101*");
        await table.Invoking(t => t.SubmitTransactionAsync([TableTransactionAction.Add(new TableEntity("p1", "r")), TableTransactionAction.Add(new TableEntity("p2", "r"))]))
            .Should().ThrowAsync<ArgumentException>().WithMessage("Transaction action 1 has a different PartitionKey*one partition*");
        await table.Invoking(t => t.SubmitTransactionAsync([TableTransactionAction.Add(new TableEntity("p", "r")), TableTransactionAction.Delete("p", "r")]))
            .Should().ThrowAsync<ArgumentException>().WithMessage("Transaction action 1 repeats a RowKey*");
        await table.Invoking(t => t.SubmitTransactionAsync([TableTransactionAction.Add(new TableEntity("p", "bad#key"))]))
            .Should().ThrowAsync<ArgumentException>().WithMessage("The RowKey contains '#'*");
        await table.Invoking(t => t.SubmitTransactionAsync([TableTransactionAction.Update(new TableEntity("p", "r"), default)]))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*update without an ETag*");
    }

    [Fact]
    public async Task A_transaction_over_4_MiB_is_refused_before_sending()
    {
        var table = new TableClient(ClosedPort.Endpoint(), "neversent", azurite.Connection.CreateSharedKeyCredential(), AzuriteFixture.FastRetryOptions());
        var big = new string('x', 30_000);
        var actions = Enumerable.Range(0, 100).Select(i => TableTransactionAction.Add(new TableEntity("p", $"r{i}").With("A", big).With("B", big)));

        var submit = () => table.SubmitTransactionAsync(actions);

        await submit.Should().ThrowAsync<ArgumentException>().WithMessage("*at most 4 MiB*");
    }

    private async Task<TableClient> CreatedTableAsync(string purpose)
    {
        var table = azurite.CreateTableClient(purpose);
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
