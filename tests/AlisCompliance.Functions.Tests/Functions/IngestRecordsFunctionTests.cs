using System.Runtime.CompilerServices;
using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Ingest;
using AlisCompliance.Application.Status;
using AlisCompliance.Functions.Tests.Access;
using AlisCompliance.Cli.Serve;
using AlisCompliance.Functions.Functions;
using AlisCompliance.Tests.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AlisCompliance.Functions.Tests.Functions;

/// <summary>
/// The HTTP functions called as the worker calls them, with the request the host would bind. Only what the function and its
/// gate do before the use case are tested here (the use case has its own tests on Azurite, and serve carries end-to-end tests):
/// the use case is an instance that is never called.
/// </summary>
public sealed class IngestRecordsFunctionTests
{
    [Fact]
    public async Task A_body_over_the_limit_is_413_without_calling_the_use_case()
    {
        var request = Request(new byte[BoundedBody.MaxIngestBytes + 1], declareLength: false);

        var result = await Function().RunAsync(request, TestCallers.MunicipalityA, CancellationToken.None);

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

        var result = await Function().RunAsync(request, TestCallers.MunicipalityA, CancellationToken.None);

        result.Should().BeOfType<ContentResult>().Which.StatusCode.Should().Be(StatusCodes.Status413PayloadTooLarge);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("")]
    public async Task A_body_that_is_not_json_is_415_in_norwegian(string contentType)
    {
        var request = Request("{}"u8.ToArray(), declareLength: true);
        request.ContentType = contentType;

        var result = await Function().RunAsync(request, TestCallers.MunicipalityA, CancellationToken.None);

        var content = result.Should().BeOfType<ContentResult>().Subject;
        content.StatusCode.Should().Be(StatusCodes.Status415UnsupportedMediaType);
        content.Content.Should().Be(ErrorAnswers.UnsupportedMediaType.Body).And.Contain("må være JSON");
    }

    [Fact]
    public async Task A_get_with_a_body_is_400()
    {
        var request = Request("{}"u8.ToArray(), declareLength: false);
        request.Method = HttpMethods.Get;
        request.Headers[AccessKeys.Header] = TestCallers.LeaderA.Key;

        var result = await new ComplianceStatusFunction(TestGate.Create(), NeverCalled<ComplianceStatus>()).RunAsync(request, TestCallers.MunicipalityA, CancellationToken.None);

        result.Should().BeOfType<ContentResult>().Which.Content.Should().Be(ErrorAnswers.BodyNotAllowed.Body);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    [InlineData(BoundedBody.MaxIngestBytes)]
    public async Task A_body_up_to_the_limit_is_read_whole(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);

        var body = await BoundedBody.ReadAsync(new MemoryStream(bytes), null, BoundedBody.MaxIngestBytes, CancellationToken.None);

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
    public async Task A_use_case_that_throws_is_500_with_an_error_id_and_no_stack_trace()
    {
        var request = Request("{}"u8.ToArray(), declareLength: true);

        var answer = await TestGate.Create().RunAsync(
            request, FunctionBindings.IngestRecords, TestCallers.MunicipalityA, (_, _) => throw new InvalidOperationException("secret detail at Namespace.Type.Method()"), CancellationToken.None);

        answer.StatusCode.Should().Be(500);
        using var body = System.Text.Json.JsonDocument.Parse(answer.Body);
        body.RootElement.GetProperty("message").GetString().Should().Contain("feil-id " + body.RootElement.GetProperty("errorId").GetString());
        answer.Body.Should().NotContain("secret").And.NotContain("Namespace.Type");
    }

    private static IngestRecordsFunction Function() => new(TestGate.Create(), NeverCalled<IngestRecords>());

    internal static HttpRequest Request(byte[] body, bool declareLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.Headers[AccessKeys.Header] = TestCallers.IngestA.Key;
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
