using System.Text;
using AlisCompliance.Storage.Queues;
using AlisCompliance.Storage.Tests.Infrastructure;
using Azure;

namespace AlisCompliance.Storage.Tests.Queues;

[Collection(AzuriteQueues.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite)
{
    private const string NorwegianPayload = """{"alisId":"alis-42","kommune":"Åsnes","melding":"Veiledning mangler for æøå ÆØÅ"}""";

    [Fact]
    public async Task A_missing_queue_is_created_once_and_creating_it_again_is_fine()
    {
        var queue = azurite.CreateQueueClient("create");

        (await queue.CreateIfNotExistsAsync()).Should().BeTrue();
        (await queue.CreateIfNotExistsAsync()).Should().BeFalse();

        (await queue.DeleteIfExistsAsync()).Should().BeTrue();
        (await queue.DeleteIfExistsAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task The_service_client_creates_queues()
    {
        var service = azurite.CreateQueueServiceClient();
        var name = UniqueNames.Queue("service");

        var queue = await service.CreateQueueIfNotExistsAsync(name);
        await service.CreateQueueIfNotExistsAsync(name);

        queue.Name.Should().Be(name);
        (await service.GetQueueClient(name).GetApproximateMessageCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_Norwegian_payload_is_stored_as_base64_of_UTF8_and_decodes_back()
    {
        var queue = await CreatedQueueAsync("base64");

        var sent = await queue.SendMessageAsync(NorwegianPayload);
        var received = (await queue.ReceiveMessagesAsync()).Should().ContainSingle().Subject;

        received.MessageId.Should().Be(sent.MessageId);
        received.Text.Should().Be(NorwegianPayload);
        received.RawText.Should().Be(Convert.ToBase64String(Encoding.UTF8.GetBytes(NorwegianPayload)));
        received.DequeueCount.Should().Be(1);
        received.InsertionTime.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        received.ExpirationTime.Should().BeCloseTo(received.InsertionTime.AddDays(7), TimeSpan.FromMinutes(1));
        received.NextVisibleOn.Should().BeAfter(received.InsertionTime);
        received.PopReceipt.Should().NotBeNullOrEmpty();

        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        (await queue.PeekMessagesAsync()).Should().BeEmpty();
        (await queue.GetApproximateMessageCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_message_received_but_not_deleted_reappears_after_its_visibility_timeout_with_dequeue_count_2()
    {
        var queue = await CreatedQueueAsync("redeliver");
        await queue.SendMessageAsync(NorwegianPayload);

        var first = (await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(1))).Single();
        (await queue.ReceiveMessagesAsync()).Should().BeEmpty("the message is invisible until its timeout");

        var second = await Eventually.GetAsync(
            async () => (await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(30))).SingleOrDefault(),
            TimeSpan.FromSeconds(10),
            "the message to become visible again");

        second.MessageId.Should().Be(first.MessageId);
        second.DequeueCount.Should().Be(2);
        second.PopReceipt.Should().NotBe(first.PopReceipt);
        second.Text.Should().Be(NorwegianPayload);

        var deleteWithOldReceipt = () => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt);
        var stale = (await deleteWithOldReceipt.Should().ThrowAsync<RequestFailedException>()).Which;
        stale.Status.Should().Be(400);
        stale.ErrorCode.Should().Be(StorageErrorCodes.PopReceiptMismatch);
        await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt);
    }

    [Fact]
    public async Task Updating_visibility_returns_a_new_pop_receipt_and_the_old_one_stops_working()
    {
        var queue = await CreatedQueueAsync("visibility");
        await queue.SendMessageAsync("work");
        var received = (await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromMinutes(5))).Single();

        var hidden = await queue.UpdateVisibilityAsync(received.MessageId, received.PopReceipt, TimeSpan.FromMinutes(10));
        hidden.PopReceipt.Should().NotBe(received.PopReceipt);
        hidden.NextVisibleOn.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(10), TimeSpan.FromMinutes(1));
        (await queue.ReceiveMessagesAsync()).Should().BeEmpty();

        var deleteWithOldReceipt = () => queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        (await deleteWithOldReceipt.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be(StorageErrorCodes.PopReceiptMismatch);

        var visible = await queue.UpdateVisibilityAsync(received.MessageId, hidden.PopReceipt, TimeSpan.Zero);
        var again = (await queue.ReceiveMessagesAsync()).Should().ContainSingle().Subject;
        again.MessageId.Should().Be(received.MessageId);
        again.DequeueCount.Should().Be(2);
        visible.PopReceipt.Should().NotBe(hidden.PopReceipt);
    }

    [Fact]
    public async Task Updating_a_message_replaces_its_text()
    {
        var queue = await CreatedQueueAsync("updatetext");
        await queue.SendMessageAsync("attempt 1");
        var received = (await queue.ReceiveMessagesAsync()).Single();

        await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, "attempt 2: æøå", TimeSpan.Zero);

        (await queue.PeekMessagesAsync()).Single().Text.Should().Be("attempt 2: æøå");
    }

    [Fact]
    public async Task Peek_does_not_dequeue()
    {
        var queue = await CreatedQueueAsync("peek");
        await queue.SendMessageAsync("first");
        await queue.SendMessageAsync("second");

        var peeked = await queue.PeekMessagesAsync(maxMessages: 32);
        var peekedAgain = await queue.PeekMessagesAsync();

        peeked.Select(m => m.Text).Should().Equal("first", "second");
        peeked.Should().OnlyContain(m => m.DequeueCount == 0);
        peekedAgain.Single().MessageId.Should().Be(peeked[0].MessageId);
        (await queue.GetApproximateMessageCountAsync()).Should().Be(2);

        var received = await queue.ReceiveMessagesAsync(maxMessages: 32);
        received.Select(m => m.Text).Should().Equal("first", "second");
        received.Should().OnlyContain(m => m.DequeueCount == 1);
    }

    [Fact]
    public async Task Receive_returns_up_to_32_messages_and_refuses_more()
    {
        var queue = await CreatedQueueAsync("batch");
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => queue.SendMessageAsync($"m{i}")));

        var received = await queue.ReceiveMessagesAsync(maxMessages: 32);
        var tooMany = () => queue.ReceiveMessagesAsync(maxMessages: 33);

        received.Should().HaveCount(32);
        (await queue.GetApproximateMessageCountAsync()).Should().Be(40);
        await tooMany.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task A_visibility_delay_hides_a_new_message()
    {
        var queue = await CreatedQueueAsync("delay");

        var sent = await queue.SendMessageAsync("later", visibilityDelay: TimeSpan.FromMinutes(1), timeToLive: Timeout.InfiniteTimeSpan);

        sent.NextVisibleOn.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromSeconds(30));
        sent.ExpirationTime.Should().BeAfter(DateTimeOffset.UtcNow.AddYears(100));
        (await queue.PeekMessagesAsync()).Should().BeEmpty();
        (await queue.GetApproximateMessageCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Clear_removes_every_message()
    {
        var queue = await CreatedQueueAsync("clear");
        await queue.SendMessageAsync("a");
        await queue.SendMessageAsync("b");

        await queue.ClearMessagesAsync();

        (await queue.PeekMessagesAsync(32)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_message_of_exactly_64_KiB_encoded_is_accepted_and_a_bigger_one_is_refused_before_sending()
    {
        var queue = await CreatedQueueAsync("size");
        var largest = new string('a', 48 * 1024);

        await queue.SendMessageAsync(largest);
        var tooLarge = () => queue.SendMessageAsync(largest + "a");

        (await queue.ReceiveMessagesAsync()).Single().Text.Should().Be(largest);
        await tooLarge.Should().ThrowAsync<ArgumentException>().WithMessage("*at most 64 KiB*");
        (await queue.GetApproximateMessageCountAsync()).Should().Be(1, "only the message that fitted was sent (and it is still there, received but not deleted)");
    }

    [Fact]
    public async Task Plain_text_encoding_stores_the_text_as_is_and_a_base64_reader_sees_it_is_not_base64()
    {
        var plainOptions = AzuriteFixture.FastRetryOptions();
        plainOptions.MessageEncoding = QueueMessageEncoding.None;
        var name = UniqueNames.Queue("plain");
        var plain = azurite.CreateQueueServiceClient(plainOptions).GetQueueClient(name);
        var base64 = azurite.CreateQueueServiceClient().GetQueueClient(name);
        await plain.CreateIfNotExistsAsync();

        await plain.SendMessageAsync("<not base64 & æøå>");
        var asPlain = (await plain.PeekMessagesAsync()).Single();
        var asBase64 = (await base64.PeekMessagesAsync()).Single();

        asPlain.Text.Should().Be("<not base64 & æøå>");
        asPlain.RawText.Should().Be("<not base64 & æøå>");
        asBase64.Text.Should().BeNull("the Functions trigger would send this message to the poison queue");
        asBase64.RawText.Should().Be("<not base64 & æøå>");
    }

    [Fact]
    public async Task Sending_to_a_missing_queue_is_a_404_QueueNotFound()
    {
        var queue = azurite.CreateQueueClient("absent");

        var send = () => queue.SendMessageAsync("x");

        var failure = (await send.Should().ThrowAsync<RequestFailedException>()).Which;
        failure.Status.Should().Be(404);
        failure.ErrorCode.Should().Be(StorageErrorCodes.QueueNotFound);
        failure.Message.Should().Contain("Send message to queue");
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("double--dash")]
    [InlineData("x")]
    public void Invalid_queue_names_are_rejected_by_the_client(string name)
    {
        var create = () => azurite.CreateQueueServiceClient().GetQueueClient(name);

        create.Should().Throw<ArgumentException>().WithMessage("*not a valid queue name*");
    }

    [Fact]
    public async Task A_client_built_from_the_connection_string_works_end_to_end()
    {
        var queue = new QueueClient(azurite.ConnectionString, UniqueNames.Queue("connstr"), AzuriteFixture.FastRetryOptions());

        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hei");

        (await queue.PeekMessagesAsync()).Single().Text.Should().Be("hei");
    }

    private async Task<QueueClient> CreatedQueueAsync(string purpose)
    {
        var queue = azurite.CreateQueueClient(purpose);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
