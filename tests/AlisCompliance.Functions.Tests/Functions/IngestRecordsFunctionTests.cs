using System.Runtime.CompilerServices;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Ingest;
using AlisCompliance.Cli.Serve;
using AlisCompliance.Functions.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AlisCompliance.Functions.Tests.Functions;

/// <summary>
/// The ingest function called as the worker calls it, with the request the host would bind. Only what the function does
/// before the use case is tested here (the use case has its own tests on Azurite, and serve carries end-to-end tests):
/// the use case is an instance that is never called.
/// </summary>
public sealed class IngestRecordsFunctionTests
{
    [Fact]
    public async Task A_body_over_the_limit_is_413_without_calling_the_use_case()
    {
        var request = Request(new byte[BoundedBody.MaxIngestBytes + 1], declareLength: false);

        var result = await new IngestRecordsFunction(NeverCalled<IngestRecords>()).RunAsync(request, "k1", CancellationToken.None);

        var content = result.Should().BeOfType<ContentResult>().Subject;
        content.StatusCode.Should().Be(StatusCodes.Status413PayloadTooLarge);
        content.ContentType.Should().Be(HttpAnswer.Json);
        content.Content.Should().Contain("16 MiB");
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_413_before_reading()
    {
        var request = Request([], declareLength: false);
        request.ContentLength = BoundedBody.MaxIngestBytes + 1L;

        var result = await new IngestRecordsFunction(NeverCalled<IngestRecords>()).RunAsync(request, "k1", CancellationToken.None);

        result.Should().BeOfType<ContentResult>().Which.StatusCode.Should().Be(StatusCodes.Status413PayloadTooLarge);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    [InlineData(BoundedBody.MaxIngestBytes)]
    public async Task A_body_up_to_the_limit_is_read_whole(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);

        var body = await HttpBody.ReadAsync(Request(bytes, declareLength: false), BoundedBody.MaxIngestBytes, CancellationToken.None);

        body.Should().NotBeNull();
        body!.Value.ToArray().Should().Equal(bytes);
    }

    [Fact]
    public void An_answer_is_copied_onto_the_response_as_it_is()
    {
        var result = new HttpAnswer(202, HttpAnswer.Json, """{"alis":3}""").ToActionResult();

        result.StatusCode.Should().Be(202);
        result.ContentType.Should().Be(HttpAnswer.Json);
        result.Content.Should().Be("""{"alis":3}""");
    }

    [Fact]
    public void The_actor_is_the_easy_auth_principal_id_when_there_is_one()
    {
        var withPrincipal = Request([], declareLength: true);
        withPrincipal.Headers["x-ms-client-principal-id"] = "00000000-0000-0000-0000-000000000001";

        HttpBody.ActorId(withPrincipal).Should().Be("00000000-0000-0000-0000-000000000001");
        HttpBody.ActorId(Request([], declareLength: true)).Should().Be("function-key");
    }

    internal static HttpRequest Request(byte[] body, bool declareLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(body);
        if (declareLength)
        {
            context.Request.ContentLength = body.Length;
        }

        return context.Request;
    }

    /// <summary>
    /// A use case these tests must never reach: its constructor is not run, so the test does not depend on what the use
    /// case needs, and any call would fail.
    /// </summary>
    internal static T NeverCalled<T>()
        where T : class => (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
}
