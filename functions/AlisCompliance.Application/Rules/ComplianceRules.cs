using AlisCompliance.Application.Loading;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Storage.Repositories;
using NodaTime;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// The rule set in force on a date. When nothing is published, the rules shipped beside the program (or the configured
/// rules folder) are in force, under their content hash; otherwise the publication in force on that date (the latest
/// effective date that has come, ties to the later published). The list of publications is read at most every
/// <see cref="PublicationsLifetime"/> — the nightly sweep evaluates thousands of ALIS, one table read per message would be
/// waste — and compiled versions come from <see cref="CompiledRuleSets"/>. A version that does not compile throws here,
/// so the evaluation fails, is retried, and never runs on a broken rule set.
/// </summary>
public sealed class ComplianceRules
{
    /// <summary>How long the list of publications is trusted before it is read again.</summary>
    public static readonly Duration PublicationsLifetime = Duration.FromSeconds(60);

    /// <summary>The batch id of the re-evaluation a publication queues: <c>rules-{publicationId}</c>.</summary>
    public const string ReevaluationBatchPrefix = "rules-";

    private readonly RuleSetRepository publications;
    private readonly CompiledRuleSets compiled;
    private readonly IClock clock;
    private readonly Lazy<Task<RuleBundle>> shipped;
    private PublicationsSnapshot? snapshot;

    public ComplianceRules(RulesDirectory shippedRules, RuleSetRepository publications, CompiledRuleSets compiled, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(shippedRules);
        this.publications = publications ?? throw new ArgumentNullException(nameof(publications));
        this.compiled = compiled ?? throw new ArgumentNullException(nameof(compiled));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        shipped = new(() => shippedRules.ReadBundleAsync(CancellationToken.None));
    }

    /// <summary>The rules shipped with the program: in force while nothing is published.</summary>
    /// <summary>Compiles workflow files with the service's compiler options (the configured rule budget).</summary>
    public ComplianceRuleSet CompileWorkflows(IReadOnlyList<RuleSource> workflows) => compiled.CompileWorkflows(workflows);

    public Task<RuleBundle> ShippedAsync(CancellationToken cancellationToken) => shipped.Value.WaitAsync(cancellationToken);

    /// <summary>The rule set in force today in Europe/Oslo.</summary>
    public Task<RulesLease> AcquireAsync(CancellationToken cancellationToken) => AcquireAsync(OsloClock.Today(clock), null, cancellationToken);

    /// <summary>
    /// The rule set in force on <paramref name="date"/>. <paramref name="knownPublicationId"/>, when given, is a publication
    /// the caller knows is stored (a re-evaluation after publishing): a cached list without it is read again.
    /// </summary>
    public async Task<RulesLease> AcquireAsync(LocalDate date, string? knownPublicationId, CancellationToken cancellationToken)
    {
        var inForce = RuleSetPublication.InForceOn(await PublicationsAsync(knownPublicationId, cancellationToken), date);
        if (inForce is null)
        {
            var bundle = await ShippedAsync(cancellationToken);
            return await compiled.AcquireAsync(bundle.ContentHash, _ => Task.FromResult(bundle), cancellationToken);
        }

        return await compiled.AcquireAsync(inForce.ContentHash, async token => await LoadAsync(inForce.ContentHash, token), cancellationToken);
    }

    /// <summary>The bundle of a content hash: the shipped one, or a published one; null when neither has it.</summary>
    public async Task<RuleBundle?> FindBundleAsync(string contentHash, CancellationToken cancellationToken)
    {
        var bundle = await ShippedAsync(cancellationToken);
        if (string.Equals(bundle.ContentHash, contentHash, StringComparison.Ordinal))
        {
            return bundle;
        }

        return await publications.GetFilesAsync(contentHash, cancellationToken) is { } files ? RuleBundle.Of(files) : null;
    }

    /// <summary>Forgets the cached list of publications, so the next evaluation reads it: called right after publishing.</summary>
    public void ForgetPublications() => Volatile.Write(ref snapshot, null);

    /// <summary>The publication id a re-evaluation message names in its batch id, or null for any other message.</summary>
    public static string? PublicationIdOf(string batchId) =>
        batchId.StartsWith(ReevaluationBatchPrefix, StringComparison.Ordinal) ? batchId[ReevaluationBatchPrefix.Length..] : null;

    private async Task<RuleBundle> LoadAsync(string contentHash, CancellationToken cancellationToken) =>
        await FindBundleAsync(contentHash, cancellationToken)
            ?? throw new InvalidOperationException($"The files of published rule set {contentHash} are not stored.");

    private async Task<IReadOnlyList<RuleSetPublication>> PublicationsAsync(string? knownPublicationId, CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref snapshot), knownPublicationId) is { } cached)
        {
            return cached;
        }

        // Two evaluations that find the list stale at once may both read it: harmless, and rarer than once a minute.
        var readAt = clock.GetCurrentInstant();
        var list = await publications.ListAsync(cancellationToken);
        Volatile.Write(ref snapshot, new PublicationsSnapshot(list, readAt));
        return list;
    }

    private IReadOnlyList<RuleSetPublication>? Fresh(PublicationsSnapshot? cached, string? knownPublicationId)
    {
        if (cached is null)
        {
            return null;
        }

        var age = clock.GetCurrentInstant() - cached.ReadAt;
        var fresh = age >= Duration.Zero && age < PublicationsLifetime;
        var knowsPublication = knownPublicationId is null || cached.Publications.Any(publication => string.Equals(publication.Id, knownPublicationId, StringComparison.Ordinal));
        return fresh && knowsPublication ? cached.Publications : null;
    }

    private sealed record PublicationsSnapshot(IReadOnlyList<RuleSetPublication> Publications, Instant ReadAt);
}
