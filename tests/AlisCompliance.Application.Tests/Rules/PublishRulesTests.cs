using AlisCompliance.Application.Rules;
using AlisCompliance.Application.Tests.UseCases;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using NodaTime;

namespace AlisCompliance.Application.Tests.Rules;

/// <summary>The rules lifecycle: publish, put in force on a date, refuse broken bundles, dry-run the impact, undo.</summary>
[Collection(AzuriteApplication.Name)]
public sealed class PublishRulesTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Today = new(2026, 11, 23);

    [Fact]
    public async Task With_nothing_published_the_shipped_rules_are_in_force_under_their_content_hash()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        await service.IngestSampleAsync();

        await service.EvaluateQueuedAsync();

        var findings = await AllFindingsAsync(service);
        findings.Should().NotBeEmpty().And.OnlyContain(finding => finding.RuleSetVersion == TestBundles.Shipped.ContentHash);
    }

    [Fact]
    public async Task A_version_effective_next_month_leaves_today_on_the_version_in_force_and_takes_over_on_its_date()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        await service.IngestSampleAsync();
        var v1 = await PublishAsync(service, TestBundles.Shipped, Today, "v1");
        var v2 = await PublishAsync(service, TestBundles.MovedDeadlineBundle, Today.PlusMonths(1), "frist flyttet til 31.12.2027");

        v2.InForceNow.Should().BeFalse();
        v2.Queued.Should().Be(0, "a version that takes effect later is picked up by the nightly sweep on its date");
        await service.EvaluateQueuedAsync();
        (await AllFindingsAsync(service)).Should().NotBeEmpty().And.OnlyContain(finding => finding.RuleSetVersion == v1.ContentHash);

        service.Clock.AdvanceDays(31);
        (await service.Sweep.RunAsync(CancellationToken.None)).Should().Be(10);
        await service.EvaluateQueuedAsync();

        var after = await AllFindingsAsync(service);
        after.Should().NotBeEmpty().And.OnlyContain(finding => finding.RuleSetVersion == v2.ContentHash);
        after.Single(finding => finding.AlisId == "alis-04" && finding.RuleId == "DL-TRANSITION-2026").Message.Should().Contain("31.12.2027");
    }

    public static TheoryData<string> BrokenBundles => ["syntax", "forbidden", "failing-test"];

    [Theory]
    [MemberData(nameof(BrokenBundles))]
    public async Task A_broken_bundle_is_refused_with_where_and_why_and_changes_nothing(string kind)
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        await service.IngestSampleAsync();
        var v1 = await PublishAsync(service, TestBundles.Shipped, Today, "v1");
        await service.EvaluateQueuedAsync();
        var bundle = kind switch
        {
            "syntax" => TestBundles.SyntaxError,
            "forbidden" => TestBundles.ForbiddenMember,
            _ => TestBundles.FailingTest,
        };

        var dryRun = await service.Publish.PublishAsync(new PublishRequest(bundle, Today, null, DryRun: true, "kontor-1"), CancellationToken.None);
        var result = await service.Publish.PublishAsync(new PublishRequest(bundle, Today, "ødelagt", DryRun: false, "kontor-1"), CancellationToken.None);

        dryRun.IsRefused.Should().BeTrue();
        result.IsRefused.Should().BeTrue();
        result.Publication.Should().BeNull();
        if (kind == "failing-test")
        {
            result.Problems.Should().Contain(problem => problem.TestCase != null && problem.File == "tests/deadlines.json" && problem.Rule == "DL-TRANSITION-2026");
        }
        else
        {
            var problem = result.Problems.Should().ContainSingle().Subject;
            (problem.File, problem.Rule).Should().Be((TestBundles.DeadlinesPath, "DL-TRANSITION-2026/DL-TRANSITION-2026-PASSED"));
            problem.Line.Should().BePositive();
            problem.Column.Should().BePositive();
            if (kind == "forbidden")
            {
                problem.Message.Should().Contain("System.IO.File");
            }
        }

        (await service.RuleSets.ListAsync()).Should().ContainSingle().Which.Id.Should().Be(v1.Publication!.Id);
        (await service.Storage.AlisChanged.PeekMessagesAsync(32)).Value.Should().BeEmpty("a refused bundle queues nothing");
        service.Clock.AdvanceMinutes(5);
        (await service.Sweep.RunAsync(CancellationToken.None)).Should().Be(10);
        await service.EvaluateQueuedAsync();
        (await AllFindingsAsync(service)).Should().NotBeEmpty().And.OnlyContain(finding => finding.RuleSetVersion == v1.ContentHash);
    }

    [Fact]
    public async Task The_dry_run_impact_is_what_the_publication_then_does_to_the_stored_findings()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        await service.IngestSampleAsync();
        await service.EvaluateQueuedAsync();
        var before = await AllFindingsAsync(service);
        var bundle = TestBundles.MovedDeadlineBundle;

        var dryRun = await service.Publish.PublishAsync(new PublishRequest(bundle, Today, "frist", DryRun: true, "kontor-1"), CancellationToken.None);
        (await service.RuleSets.ListAsync()).Should().BeEmpty("a dry run stores nothing");
        var published = await PublishAsync(service, bundle, Today, "frist flyttet til 31.12.2027");
        published.InForceNow.Should().BeTrue();
        published.Queued.Should().Be(10);
        var evaluated = await service.EvaluateQueuedAsync();
        var after = await AllFindingsAsync(service);

        evaluated.Select(message => message.BatchId).Should().AllBe(ComplianceRules.ReevaluationBatchPrefix + published.Publication!.Id);
        after.Should().OnlyContain(finding => finding.RuleSetVersion == bundle.ContentHash);
        var impact = dryRun.Impact!;
        (impact.FromVersion, impact.ToVersion, impact.AsOf).Should().Be((TestBundles.Shipped.ContentHash, bundle.ContentHash, Today));
        impact.HasChanges.Should().BeTrue();
        Describe(impact).Should().BeEquivalentTo(StoredChanges(before, after));
        ImpactTable.Write(impact).Should().Contain("~ DL-TRANSITION-2026: advarsel → til orientering");
    }

    [Fact]
    public async Task A_dry_run_shows_only_the_municipalities_of_the_callers_scope()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        await service.IngestSampleAsync();
        var bundle = TestBundles.MovedDeadlineBundle;

        var everywhere = await service.Publish.PublishAsync(new PublishRequest(bundle, Today, null, DryRun: true, "kontor-1"), CancellationToken.None);
        var elsewhere = await service.Publish.PublishAsync(new PublishRequest(bundle, Today, null, DryRun: true, "kontor-2", new HashSet<string>(["1804"])), CancellationToken.None);

        everywhere.Impact!.Municipalities.Select(municipality => municipality.MunicipalityId).Should().Equal("3417");
        elsewhere.Impact!.HasChanges.Should().BeFalse("the sample's municipality is outside this caller's region");
    }

    [Fact]
    public async Task Undo_publishes_the_earlier_content_again_from_a_new_date_and_keeps_the_whole_history()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        var v1 = await PublishAsync(service, TestBundles.Shipped, Today, "v1");
        var v2 = await PublishAsync(service, TestBundles.MovedDeadlineBundle, Today.PlusMonths(1), "v2");
        var undo = await PublishAsync(service, TestBundles.Shipped, Today.PlusMonths(2), "angre v2");

        var history = await service.RuleSets.ListAsync();
        history.Select(publication => (publication.ContentHash, publication.Note)).Should().Equal(
            (v1.ContentHash, "v1"), (v2.ContentHash, "v2"), (v1.ContentHash, "angre v2"));
        undo.ContentHash.Should().Be(v1.ContentHash);
        RuleSetPublication.InForceOn(history, Today.PlusMonths(1))!.ContentHash.Should().Be(v2.ContentHash);
        RuleSetPublication.InForceOn(history, Today.PlusMonths(2))!.Id.Should().Be(undo.Publication!.Id);
        using var inForce = await service.Rules.AcquireAsync(Today.PlusMonths(2), null, CancellationToken.None);
        inForce.Rules.Version.Should().Be(v1.ContentHash);
        var audit = await service.Audit.ListAsync(new YearMonth(2026, 11));
        audit.Where(entry => entry.Action == PublishRules.AuditAction).Select(entry => entry.TargetId).Should().BeEquivalentTo([v1.ContentHash, v2.ContentHash, v1.ContentHash]);
        audit.Should().OnlyContain(entry => entry.ActorId == "kontor-1");
    }

    [Fact]
    public async Task An_effective_date_in_the_past_a_missing_catalog_or_missing_tests_and_an_unknown_file_are_all_reported_at_once()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        var bundle = RuleBundle.Of(TestBundles.Shipped.Files
            .Where(file => !file.Name.StartsWith("tests/", StringComparison.Ordinal) && file.Name != RuleBundle.GoalsPath)
            .Append(new RuleSource("workflows/notes.txt", "hei")));

        var result = await service.Publish.PublishAsync(new PublishRequest(bundle, Today.PlusDays(-1), null, DryRun: false, "kontor-1"), CancellationToken.None);

        result.Problems.Select(problem => problem.ToString()).Should().Satisfy(
            problem => problem.Contains("22.11.2026 er passert", StringComparison.Ordinal),
            problem => problem.StartsWith("workflows/notes.txt: ukjent fil", StringComparison.Ordinal),
            problem => problem.StartsWith("catalog/goals.json: mangler", StringComparison.Ordinal),
            problem => problem.StartsWith("tests/: regelsettet har ingen tester", StringComparison.Ordinal));
        (await service.RuleSets.ListAsync()).Should().BeEmpty();
    }

    private static async Task<PublishResult> PublishAsync(ServiceUnderTest service, RuleBundle bundle, LocalDate effectiveFrom, string note)
    {
        service.Clock.AdvanceMinutes(1);
        var result = await service.Publish.PublishAsync(new PublishRequest(bundle, effectiveFrom, note, DryRun: false, "kontor-1"), CancellationToken.None);
        result.Problems.Should().BeEmpty();
        return result;
    }

    private static async Task<List<StoredFinding>> AllFindingsAsync(ServiceUnderTest service)
    {
        var findings = new List<StoredFinding>();
        foreach (var alis in await service.Records.ListAlisAsync("3417"))
        {
            findings.AddRange(await service.Findings.ListAsync("3417", alis.AlisId));
        }

        return findings;
    }

    private static List<string> Describe(Core.Compliance.Impact.ImpactReport impact) =>
    [
        .. impact.Municipalities.SelectMany(municipality => municipality.Alis).SelectMany(alis =>
            alis.Gained.Select(finding => $"{alis.AlisId} + {finding.RuleId} {finding.Severity}: {finding.Message}")
                .Concat(alis.Lost.Select(finding => $"{alis.AlisId} - {finding.RuleId}"))
                .Concat(alis.Changed.Select(change => $"{alis.AlisId} ~ {change.After.RuleId} {change.Before.Severity}→{change.After.Severity}: {change.After.Message}"))),
    ];

    private static List<string> StoredChanges(IReadOnlyList<StoredFinding> before, IReadOnlyList<StoredFinding> after)
    {
        var old = before.ToDictionary(finding => (finding.AlisId, finding.RuleId));
        var now = after.ToDictionary(finding => (finding.AlisId, finding.RuleId));
        return
        [
            .. now.Values.Where(finding => !old.ContainsKey((finding.AlisId, finding.RuleId))).Select(finding => $"{finding.AlisId} + {finding.RuleId} {finding.Severity}: {finding.Message}"),
            .. old.Values.Where(finding => !now.ContainsKey((finding.AlisId, finding.RuleId))).Select(finding => $"{finding.AlisId} - {finding.RuleId}"),
            .. now.Values
                .Where(finding => old.TryGetValue((finding.AlisId, finding.RuleId), out var was) && (was.Severity != finding.Severity || was.Message != finding.Message))
                .Select(finding => $"{finding.AlisId} ~ {finding.RuleId} {old[(finding.AlisId, finding.RuleId)].Severity}→{finding.Severity}: {finding.Message}"),
        ];
    }
}
