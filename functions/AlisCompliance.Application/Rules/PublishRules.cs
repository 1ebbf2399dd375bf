using System.Globalization;
using System.Text.Json;
using AlisCompliance.Application.Sweep;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.Impact;
using AlisCompliance.Core.Compliance.RuleTests;
using AlisCompliance.Core.Rules;
using AlisCompliance.Storage.Repositories;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// The PublishRules use case, for the HTTP function, serve and <c>alis rules publish</c>: validates a rule-set bundle
/// (layout, catalog, every workflow compiled in the sandbox, the bundle's own tests), and refuses it with every problem
/// while the version in force keeps running. A dry run answers with the impact as of the effective date (or today, if
/// later): every stored ALIS evaluated with the version that would be in force then and with the bundle. Otherwise the
/// publication is stored (an immutable row; the files once per content hash), audited, and — when it takes effect today —
/// every ALIS is queued for re-evaluation at once; a later effective date is picked up by the first nightly sweep on or
/// after it, which evaluates as of its own day.
/// </summary>
public sealed partial class PublishRules(
    ComplianceRules rules,
    RuleSetRepository publications,
    RecordsRepository records,
    AuditLog audit,
    NightlySweep sweep,
    IClock clock,
    ILogger<PublishRules> logger)
{
    public const string AuditAction = "rules.publish";

    /// <summary>A note is a sentence or two for the history, not a document.</summary>
    public const int MaxNoteLength = 1_000;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bundle = request.Bundle;
        var today = OsloClock.Today(clock);
        var problems = RequestProblems(request, today);
        var (compiled, bundleProblems) = Validate(bundle);
        problems.AddRange(bundleProblems);
        if (compiled is null || problems.Count > 0)
        {
            compiled?.RuleSet.Dispose();
            LogRefused(request.ActorId, bundle.ContentHash, problems.Count);
            return new PublishResult(problems, bundle.ContentHash);
        }

        var ruleCount = compiled.RuleSet.RuleCount;
        using (compiled.RuleSet)
        {
            if (request.DryRun)
            {
                var asOf = LocalDate.Max(request.EffectiveFrom, today);
                var impact = await ImpactAsync(compiled, asOf, request.ImpactMunicipalities, cancellationToken);
                LogDryRun(request.ActorId, bundle.ContentHash, impact.AlisChanged);
                return new PublishResult([], bundle.ContentHash) { Impact = impact };
            }
        }

        // Validated and tested; what is stored is the files: every host compiles a version from them when it takes effect.

        var publishedAt = clock.GetCurrentInstant();
        var publication = new RuleSetPublication(
            RuleSetRepository.NewPublicationId(publishedAt), bundle.ContentHash, request.EffectiveFrom, request.ActorId, publishedAt, request.Note?.Trim() ?? string.Empty);
        await publications.PublishAsync(publication, bundle.Files, cancellationToken);
        rules.ForgetPublications();
        var inForceNow = request.EffectiveFrom <= today;
        await audit.WriteAsync(request.ActorId, AuditAction, bundle.ContentHash, AuditDetails(publication, ruleCount, inForceNow), cancellationToken);
        var queued = inForceNow ? await sweep.EnqueueAllAsync(ComplianceRules.ReevaluationBatchPrefix + publication.Id, cancellationToken) : 0;
        LogPublished(request.ActorId, bundle.ContentHash, publication.Id, request.EffectiveFrom, queued);
        return new PublishResult([], bundle.ContentHash) { Publication = publication, InForceNow = inForceNow, Queued = queued };
    }

    /// <summary>
    /// Every problem of the bundle itself; the compiled rules only when it has none (the caller disposes them). Pure: no
    /// storage, no clock, so <c>rules publish --dry-run</c> and the HTTP function refuse the same bundles.
    /// </summary>
    public (CompiledRules? Compiled, List<PublishProblem> Problems) Validate(RuleBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var problems = bundle.LayoutProblems().Select(problem => new PublishProblem(null, problem)).ToList();
        problems.AddRange(bundle.Files
            .Where(file => file.Json.Length > RuleSetRepository.MaxFileLength)
            .Select(file => new PublishProblem(file.Name, string.Create(CultureInfo.InvariantCulture, $"filen er for stor: høyst {RuleSetRepository.MaxFileLength:N0} tegn."))));

        var catalog = ReadCatalog(bundle, problems);
        ComplianceRuleSet? ruleSet = null;
        if (bundle.Workflows.Count > 0)
        {
            try
            {
                ruleSet = rules.CompileWorkflows(bundle.Workflows);
            }
            catch (RuleSetCompilationException exception)
            {
                problems.AddRange(exception.Diagnostics.Where(diagnostic => diagnostic.IsError).Select(PublishProblem.Of));
            }
        }

        if (ruleSet is not null && catalog is not null && bundle.Tests.Count > 0)
        {
            var report = RuleTestRunner.Run(ruleSet, catalog, bundle.Tests);
            problems.AddRange(report.Failures.Select(PublishProblem.Of));
            problems.AddRange(report.Errors.Select(error => new PublishProblem(null, error)));
        }

        if (ruleSet is null || catalog is null || problems.Count > 0)
        {
            ruleSet?.Dispose();
            return (null, problems);
        }

        return (new CompiledRules(new ComplianceChecker(ruleSet, catalog), ruleSet, catalog, bundle.ContentHash), problems);
    }

    /// <summary>
    /// What the bundle would change as of <paramref name="asOf"/>: every stored ALIS, one municipality at a time, evaluated
    /// with the version that would be in force on that date without the bundle and with the bundle.
    /// </summary>
    /// <param name="scope">The municipalities the caller may see; null for all.</param>
    public async Task<ImpactReport> ImpactAsync(CompiledRules bundle, LocalDate asOf, IReadOnlySet<string>? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        rules.ForgetPublications();
        using var current = await rules.AcquireAsync(asOf, null, cancellationToken);
        var municipalities = new List<MunicipalityImpact>();
        foreach (var municipality in await records.ListMunicipalitiesAsync(cancellationToken))
        {
            if (scope is not null && !scope.Contains(municipality.MunicipalityId))
            {
                continue;
            }

            if (await records.LoadMunicipalityAsync(municipality.MunicipalityId, cancellationToken) is { } stored)
            {
                municipalities.AddRange(RuleSetImpact.Compare(current.Rules.Checker, bundle.Checker, [stored], asOf).Municipalities);
            }
        }

        return new ImpactReport(asOf, current.Rules.Version, bundle.Version, municipalities);
    }

    private static List<PublishProblem> RequestProblems(PublishRequest request, LocalDate today)
    {
        var problems = new List<PublishProblem>();
        if (request.EffectiveFrom < today)
        {
            problems.Add(new PublishProblem(null,
                $"effectiveFrom {request.EffectiveFrom.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} er passert: et regelsett settes i kraft i dag ({today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}) eller senere. Historikken skrives aldri om; for å angre, publiser den forrige versjonen på nytt med ny dato."));
        }

        if (request.Note is { Length: > MaxNoteLength })
        {
            problems.Add(new PublishProblem(null, string.Create(CultureInfo.InvariantCulture, $"notatet er for langt: høyst {MaxNoteLength} tegn.")));
        }

        if (string.IsNullOrWhiteSpace(request.ActorId))
        {
            problems.Add(new PublishProblem(null, "mangler hvem som publiserer."));
        }

        return problems;
    }

    private static TrainingCatalog? ReadCatalog(RuleBundle bundle, List<PublishProblem> problems)
    {
        if (bundle.Goals is not { } goals || bundle.ArenaTypes is not { } arenaTypes)
        {
            return null;
        }

        try
        {
            return CatalogReader.Read(goals, arenaTypes);
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problems.Add(new PublishProblem("catalog/", $"katalogen kan ikke leses: {exception.Message}"));
            return null;
        }
    }

    private static string AuditDetails(RuleSetPublication publication, int ruleCount, bool inForceNow) => JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["publicationId"] = publication.Id,
        ["effectiveFrom"] = LocalDatePattern.Iso.Format(publication.EffectiveFrom),
        ["note"] = publication.Note,
        ["rules"] = ruleCount,
        ["inForceNow"] = inForceNow,
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule set {ContentHash} from {ActorId} refused: {Problems} problems")]
    private partial void LogRefused(string actorId, string contentHash, int problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dry run of rule set {ContentHash} by {ActorId}: {AlisChanged} ALIS would change")]
    private partial void LogDryRun(string actorId, string contentHash, int alisChanged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule set {ContentHash} published as {PublicationId} by {ActorId}, effective {EffectiveFrom}; {Queued} ALIS queued")]
    private partial void LogPublished(string actorId, string contentHash, string publicationId, LocalDate effectiveFrom, int queued);
}
