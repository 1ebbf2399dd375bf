using AlisCompliance.Storage.Tables;
using AlisCompliance.Storage.Tests.Infrastructure;
using Azure;

namespace AlisCompliance.Storage.Tests.Tables;

[Collection(AzuriteTables.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_missing_table_is_created_once_and_creating_it_again_is_fine()
    {
        var table = azurite.CreateTableClient("create");

        (await table.CreateIfNotExistsAsync()).Should().BeTrue();
        (await table.CreateIfNotExistsAsync()).Should().BeFalse();

        (await table.DeleteIfExistsAsync()).Should().BeTrue();
        (await table.DeleteIfExistsAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task The_service_client_creates_reads_and_deletes_tables()
    {
        var service = azurite.CreateTableServiceClient();
        var name = UniqueNames.Table("service");

        var table = await service.CreateTableIfNotExistsAsync(name);
        await service.CreateTableIfNotExistsAsync(name);
        await table.AddEntityAsync(new TableEntity("p", "r"));

        (await service.GetTableClient(name).GetEntityIfExistsAsync("p", "r")).Should().NotBeNull();
        (await service.DeleteTableIfExistsAsync(name)).Should().BeTrue();
        (await service.DeleteTableIfExistsAsync(name)).Should().BeFalse("it is gone");
    }

    [Fact]
    public async Task An_inserted_entity_reads_back_with_its_ETag_and_Timestamp()
    {
        var table = await CreatedTableAsync("insert");
        var entity = new TableEntity("oslo", "alis-1").With("Name", "Kari").With("Hours", 12);

        var etag = await table.AddEntityAsync(entity);
        var read = await table.GetEntityIfExistsAsync("oslo", "alis-1");

        etag.Should().NotBe(default(ETag));
        read.Should().NotBeNull();
        read!.ETag.Should().Be(etag);
        read.Timestamp.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        read.GetString("Name").Should().Be("Kari");
        read.GetInt32("Hours").Should().Be(12);
    }

    [Fact]
    public async Task Inserting_an_existing_entity_is_a_409_EntityAlreadyExists()
    {
        var table = await CreatedTableAsync("insert409");
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var again = () => table.AddEntityAsync(new TableEntity("p", "r"));

        var failure = (await again.Should().ThrowAsync<RequestFailedException>()).Which;
        failure.Status.Should().Be(409);
        failure.ErrorCode.Should().Be(StorageErrorCodes.EntityAlreadyExists);
        failure.IsAlreadyExists().Should().BeTrue();
        failure.IsConflict().Should().BeFalse();
        failure.Message.Should().Contain("Insert entity into table");
    }

    [Fact]
    public async Task A_missing_entity_reads_as_null()
    {
        var table = await CreatedTableAsync("missing");

        (await table.GetEntityIfExistsAsync("nobody", "nothing")).Should().BeNull();
    }

    [Fact]
    public async Task Writing_to_a_table_that_does_not_exist_is_a_404_with_its_error_code()
    {
        var table = azurite.CreateTableClient("absent");

        var insert = () => table.AddEntityAsync(new TableEntity("p", "r"));

        var failure = (await insert.Should().ThrowAsync<RequestFailedException>()).Which;
        failure.Status.Should().Be(404);
        failure.ErrorCode.Should().Be(StorageErrorCodes.TableNotFound);
        failure.IsNotFound().Should().BeTrue();
    }

    [Fact]
    public async Task Upsert_replace_drops_missing_properties_and_upsert_merge_keeps_them()
    {
        var table = await CreatedTableAsync("upsert");
        await table.UpsertEntityAsync(new TableEntity("p", "r").With("A", "a").With("B", "b"));

        await table.UpsertEntityAsync(new TableEntity("p", "r").With("A", "a2"), TableUpdateMode.Replace);
        var replaced = await table.GetEntityIfExistsAsync("p", "r");
        await table.UpsertEntityAsync(new TableEntity("p", "r").With("C", "c"), TableUpdateMode.Merge);
        var merged = await table.GetEntityIfExistsAsync("p", "r");

        replaced!.Properties.Keys.Should().Equal("A");
        merged!.Properties.Keys.Should().Equal("A", "C");
        merged.GetString("A").Should().Be("a2");
    }

    [Fact]
    public async Task Update_with_the_current_ETag_succeeds_and_returns_a_new_ETag()
    {
        var table = await CreatedTableAsync("update");
        var first = await table.AddEntityAsync(new TableEntity("p", "r").With("Status", "open"));

        var second = await table.UpdateEntityAsync(new TableEntity("p", "r").With("Status", "closed"), first);

        second.Should().NotBe(first);
        (await table.GetEntityIfExistsAsync("p", "r"))!.GetString("Status").Should().Be("closed");
    }

    [Fact]
    public async Task Two_writers_with_the_same_ETag_one_wins_the_other_gets_a_412_conflict()
    {
        var table = await CreatedTableAsync("race");
        await table.AddEntityAsync(new TableEntity("oslo", "alert-1").With("State", "new"));
        var read = (await table.GetEntityIfExistsAsync("oslo", "alert-1"))!;

        var writers = new[] { "delivered-by-a", "delivered-by-b" }
            .Select(async state =>
            {
                try
                {
                    await table.UpdateEntityAsync(read.With("State", state), read.ETag);
                    return (State: state, Failure: (RequestFailedException?)null);
                }
                catch (RequestFailedException ex)
                {
                    return (State: state, Failure: ex);
                }
            });
        var outcomes = await Task.WhenAll(writers);

        outcomes.Should().ContainSingle(outcome => outcome.Failure == null);
        var loser = outcomes.Single(outcome => outcome.Failure != null).Failure!;
        loser.Status.Should().Be(412);
        loser.ErrorCode.Should().Be(StorageErrorCodes.UpdateConditionNotSatisfied);
        loser.IsConflict().Should().BeTrue();
        var winner = outcomes.Single(outcome => outcome.Failure == null).State;
        (await table.GetEntityIfExistsAsync("oslo", "alert-1"))!.GetString("State").Should().Be(winner);
    }

    [Fact]
    public async Task Update_needs_an_ETag_and_an_existing_entity()
    {
        var table = await CreatedTableAsync("updmissing");

        var withoutETag = () => table.UpdateEntityAsync(new TableEntity("p", "r"), default);
        var missing = () => table.UpdateEntityAsync(new TableEntity("p", "r"), ETag.All, TableUpdateMode.Merge);

        await withoutETag.Should().ThrowAsync<ArgumentException>().WithMessage("*ETag*");
        (await missing.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task Delete_honours_the_ETag_and_reports_whether_anything_was_deleted()
    {
        var table = await CreatedTableAsync("delete");
        var stale = await table.AddEntityAsync(new TableEntity("p", "r").With("V", 1));
        var current = await table.UpdateEntityAsync(new TableEntity("p", "r").With("V", 2), stale);

        var deleteStale = () => table.DeleteEntityAsync("p", "r", stale);
        (await deleteStale.Should().ThrowAsync<RequestFailedException>()).Which.IsConflict().Should().BeTrue();

        (await table.DeleteEntityAsync("p", "r", current)).Should().BeTrue();
        (await table.GetEntityIfExistsAsync("p", "r")).Should().BeNull();
        (await table.DeleteEntityAsync("p", "r")).Should().BeFalse();
    }

    [Fact]
    public async Task Keys_with_quotes_spaces_and_Norwegian_letters_round_trip()
    {
        var table = await CreatedTableAsync("oddkeys");
        const string partitionKey = "Åsnes kommune (O'Brien)";
        const string rowKey = "ALIS 'æøå' 100% + & = ,;:@$!*";

        await table.AddEntityAsync(new TableEntity(partitionKey, rowKey).With("N", 1));
        var read = await table.GetEntityIfExistsAsync(partitionKey, rowKey);
        var queried = await table.QueryAsync(TableQuery.Where(TableFilter.Create($"PartitionKey eq {partitionKey} and RowKey eq {rowKey}"))).ToListAsync();
        var deleted = await table.DeleteEntityAsync(partitionKey, rowKey);

        read!.PartitionKey.Should().Be(partitionKey);
        read.RowKey.Should().Be(rowKey);
        queried.Should().ContainSingle().Which.RowKey.Should().Be(rowKey);
        deleted.Should().BeTrue();
    }

    [Fact]
    public async Task The_longest_allowed_key_is_accepted_by_the_service()
    {
        var table = await CreatedTableAsync("longkey");
        var key = new string('k', 512);

        await table.AddEntityAsync(new TableEntity(key, key));

        (await table.GetEntityIfExistsAsync(key, key)).Should().NotBeNull();
    }

    [Theory]
    [InlineData("bad/key")]
    [InlineData("bad\\key")]
    [InlineData("bad#key")]
    [InlineData("bad?key")]
    [InlineData("bad\tkey")]
    [InlineData("bad\u0085key")]
    public async Task Invalid_keys_are_rejected_before_any_request(string badKey)
    {
        // The endpoint refuses connections: an ArgumentException (not a network error) proves nothing was sent.
        var table = new TableClient(ClosedPort.Endpoint(), "neversent", azurite.Connection.CreateSharedKeyCredential(), AzuriteFixture.FastRetryOptions());

        await table.Invoking(t => t.AddEntityAsync(new TableEntity(badKey, "r"))).Should().ThrowAsync<ArgumentException>().WithMessage("The PartitionKey contains*");
        await table.Invoking(t => t.UpsertEntityAsync(new TableEntity("p", badKey))).Should().ThrowAsync<ArgumentException>().WithMessage("The RowKey contains*");
        await table.Invoking(t => t.GetEntityIfExistsAsync("p", badKey)).Should().ThrowAsync<ArgumentException>().WithMessage("The RowKey contains*");
        await table.Invoking(t => t.DeleteEntityAsync(badKey, "r")).Should().ThrowAsync<ArgumentException>().WithMessage("The PartitionKey contains*");
        await table.Invoking(t => t.AddEntityAsync(new TableEntity(new string('k', 513), "r"))).Should().ThrowAsync<ArgumentException>().WithMessage("*1 KiB*");
    }

    [Fact]
    public async Task Oversized_values_are_rejected_before_sending()
    {
        var table = new TableClient(ClosedPort.Endpoint(), "neversent", azurite.Connection.CreateSharedKeyCredential(), AzuriteFixture.FastRetryOptions());
        var entity = new TableEntity("p", "r").With("Notes", new string('x', 40_000));

        var insert = () => table.AddEntityAsync(entity);

        await insert.Should().ThrowAsync<ArgumentException>().WithMessage("String property 'Notes'*64 KiB*");
    }

    [Fact]
    public async Task A_string_of_exactly_64_KiB_is_accepted_by_the_service()
    {
        var table = await CreatedTableAsync("maxstring");
        var text = new string('æ', 32 * 1024);

        await table.AddEntityAsync(new TableEntity("p", "r").With("Notes", text));

        (await table.GetEntityIfExistsAsync("p", "r"))!.GetString("Notes").Should().Be(text);
    }

    [Fact]
    public async Task Query_filters_selects_and_limits()
    {
        var table = await CreatedTableAsync("query");
        for (var i = 0; i < 10; i++)
        {
            await table.AddEntityAsync(new TableEntity(i % 2 == 0 ? "even" : "odd", $"r{i:00}").With("N", i).With("Extra", "x"));
        }

        var evens = await table.QueryAsync(TableQuery.Where(TableFilter.PartitionKeyEquals("even"))).ToListAsync();
        var bigEvens = await table.QueryAsync(new TableQuery
        {
            Filter = TableFilter.And(TableFilter.PartitionKeyEquals("even"), TableFilter.Create($"N ge {4}")),
            Select = ["N"],
        }).ToListAsync();
        var firstThree = await table.QueryAsync(new TableQuery { Top = 3 }).ToListAsync();

        evens.Select(e => e.GetInt32("N")).Should().Equal(0, 2, 4, 6, 8);
        bigEvens.Select(e => e.RowKey).Should().Equal("r04", "r06", "r08");
        bigEvens.Should().OnlyContain(e => e.Properties.Count == 1 && e.ETag != default, "only N was selected; keys and ETag still come back");
        firstThree.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_client_built_from_the_connection_string_works_end_to_end()
    {
        var table = new TableClient(azurite.ConnectionString, UniqueNames.Table("connstr"), AzuriteFixture.FastRetryOptions());

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        (await table.GetEntityIfExistsAsync("p", "r")).Should().NotBeNull();
    }

    [Fact]
    public async Task A_cancelled_call_throws_OperationCanceledException_not_a_storage_error()
    {
        var table = await CreatedTableAsync("cancel");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var insert = () => table.AddEntityAsync(new TableEntity("p", "r"), cancelled.Token);
        var query = async () => await table.QueryAsync(cancellationToken: cancelled.Token).ToListAsync();

        await insert.Should().ThrowAsync<OperationCanceledException>();
        await query.Should().ThrowAsync<OperationCanceledException>();
    }

    private async Task<TableClient> CreatedTableAsync(string purpose)
    {
        var table = azurite.CreateTableClient(purpose);
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
