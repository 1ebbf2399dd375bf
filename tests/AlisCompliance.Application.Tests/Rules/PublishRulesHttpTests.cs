using System.Text;
using System.Text.Json;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Rules;
using AlisCompliance.Application.Tests.UseCases;
using AlisCompliance.Storage.Tests.Infrastructure;
using AlisCompliance.Tests.Shared;

namespace AlisCompliance.Application.Tests.Rules;

/// <summary>PublishRules' HTTP answer, which the worker's function and serve's route copy onto the response as it is.</summary>
[Collection(AzuriteApplication.Name)]
public sealed class PublishRulesHttpTests(AzuriteFixture azurite)
{
    private const string Json = "application/json; charset=utf-8";

    [Fact]
    public async Task A_dry_run_of_the_deadline_move_answers_200_with_the_impact_per_municipality_and_ALIS()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        await service.IngestSampleAsync();

        var answer = await RespondAsync(service, PublishRulesBody.Json("2026-11-23", dryRun: true, PublishRulesBody.MoveTransitionDeadline));

        answer.StatusCode.Should().Be(200, answer.Body);
        answer.ContentType.Should().Be(HttpAnswer.Json);
        var root = JsonDocument.Parse(answer.Body).RootElement;
        root.GetProperty("outcome").GetString().Should().Be("dryRun");
        root.GetProperty("contentHash").GetString().Should().Be(TestBundles.MovedDeadlineBundle.ContentHash, "the body's files are the folder's files");
        root.GetProperty("fromVersion").GetString().Should().Be(TestBundles.Shipped.ContentHash);
        root.GetProperty("alisChanged").GetInt32().Should().Be(1);
        var alis = root.GetProperty("municipalities")[0].GetProperty("alis")[0];
        alis.GetProperty("alisId").GetString().Should().Be("alis-04");
        var changed = alis.GetProperty("changed")[0];
        changed.GetProperty("ruleId").GetString().Should().Be("DL-TRANSITION-2026");
        (changed.GetProperty("before").GetProperty("severity").GetString(), changed.GetProperty("after").GetProperty("severity").GetString()).Should().Be(("warning", "info"));
        answer.Body.Should().NotContain("\"name\"", "ids only, never names");
        (await service.RuleSets.ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_publication_answers_201_with_its_version_and_queues_every_ALIS_when_it_takes_effect_today()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        await service.IngestSampleAsync();
        await service.EvaluateQueuedAsync();

        var answer = await RespondAsync(service, PublishRulesBody.Json("2026-11-23", dryRun: false, PublishRulesBody.MoveTransitionDeadline));

        answer.StatusCode.Should().Be(201, answer.Body);
        var root = JsonDocument.Parse(answer.Body).RootElement;
        root.GetProperty("contentHash").GetString().Should().Be(TestBundles.MovedDeadlineBundle.ContentHash);
        root.GetProperty("effectiveFrom").GetString().Should().Be("2026-11-23");
        root.GetProperty("queued").GetInt32().Should().Be(10);
        (await service.RuleSets.ListAsync()).Should().ContainSingle().Which.PublishedBy.Should().Be("kontor-1");
    }

    [Fact]
    public async Task A_broken_bundle_answers_400_with_file_rule_line_and_column()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);

        var answer = await RespondAsync(service, PublishRulesBody.Json("2026-11-23", dryRun: false, PublishRulesBody.BreakSyntax));

        answer.StatusCode.Should().Be(400);
        var error = JsonDocument.Parse(answer.Body).RootElement.GetProperty("errors")[0];
        error.GetProperty("file").GetString().Should().Be("workflows/deadlines.json");
        error.GetProperty("rule").GetString().Should().Be("DL-TRANSITION-2026/DL-TRANSITION-2026-PASSED");
        error.GetProperty("line").GetInt32().Should().BePositive();
        error.GetProperty("column").GetInt32().Should().BePositive();
        answer.Body.Should().Contain("Ingenting er lagret").And.NotContain("   at ");
        (await service.RuleSets.ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_request_with_unknown_or_missing_fields_answers_400_with_each_of_them()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);

        var answer = await RespondAsync(service, """{"effectivFrom":"2027-01-01","dryRun":"ja","files":{"workflows/a.json":17}}""");

        answer.StatusCode.Should().Be(400);
        var messages = JsonDocument.Parse(answer.Body).RootElement.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("message").GetString()).ToList();
        messages.Should().HaveCount(4).And.Contain(message => message!.Contains("ukjent felt «effectivFrom»", StringComparison.Ordinal))
            .And.Contain(message => message!.Contains("«dryRun» har feil type", StringComparison.Ordinal))
            .And.Contain(message => message!.Contains("filens innhold må være en streng", StringComparison.Ordinal))
            .And.Contain(message => message!.StartsWith("mangler effectiveFrom", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    [InlineData("application/json; charset=latin1")]
    public async Task A_body_that_is_not_declared_JSON_answers_415(string? contentType)
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);

        var answer = await service.Publish.RespondAsync(Encoding.UTF8.GetBytes("{}"), contentType, "kontor-1", null, CancellationToken.None);

        answer.StatusCode.Should().Be(415);
        answer.Body.Should().Contain("application/json");
    }

    [Fact]
    public async Task A_body_over_the_limit_answers_413()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);

        var answer = await service.Publish.RespondAsync(new byte[PublishRules.MaxBodyBytes + 1], Json, "kontor-1", null, CancellationToken.None);

        answer.StatusCode.Should().Be(413);
        answer.Body.Should().Contain("4 MiB");
    }

    private static Task<HttpAnswer> RespondAsync(ServiceUnderTest service, string body) =>
        service.Publish.RespondAsync(Encoding.UTF8.GetBytes(body), Json, "kontor-1", null, CancellationToken.None);
}
