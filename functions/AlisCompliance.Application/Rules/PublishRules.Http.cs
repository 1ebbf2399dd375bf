using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.Impact;
using NodaTime.Text;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// PublishRules over HTTP (the worker's function and serve's route): the body is JSON,
/// <c>{"effectiveFrom":"2027-01-01","note":"…","dryRun":true,"files":{"workflows/deadlines.json":"&lt;file text&gt;", …}}</c>,
/// each file's text as a string so that line and column in an error refer to the file itself.
/// </summary>
public sealed partial class PublishRules
{
    /// <summary>The largest body read (the rules shipped today are about 250 KB); the hosts refuse a larger one before reading it.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// 200 with the impact (dry run); 201 with the publication; 400 with every problem; 413 over <see cref="MaxBodyBytes"/>;
    /// 415 unless the body is declared JSON. Nothing is stored unless 201.
    /// </summary>
    /// <param name="impactMunicipalities">The municipalities a dry run's impact may show: the caller's region.</param>
    public async Task<HttpAnswer> RespondAsync(ReadOnlyMemory<byte> body, string? contentType, string actorId, IReadOnlySet<string>? impactMunicipalities, CancellationToken cancellationToken)
    {
        if (!IsJson(contentType))
        {
            return JsonAnswers.Create(415, new { outcome = "rejected", message = "Send regelsettet som JSON med Content-Type: application/json." });
        }

        if (body.Length > MaxBodyBytes)
        {
            return ErrorAnswers.TooLarge(MaxBodyBytes);
        }

        var problems = new List<PublishProblem>();
        var request = ReadRequest(body, actorId, problems);
        if (request is null)
        {
            return Refused(problems);
        }

        var result = await PublishAsync(request with { ImpactMunicipalities = impactMunicipalities }, cancellationToken);
        if (result.IsRefused)
        {
            return Refused(result.Problems);
        }

        return result.Impact is { } impact
            ? JsonAnswers.Create(200, ImpactAnswer(result.ContentHash, request, impact))
            : JsonAnswers.Create(201, new
            {
                outcome = "published",
                publicationId = result.Publication!.Id,
                version = result.ContentHash,
                contentHash = result.ContentHash,
                effectiveFrom = Iso(result.Publication.EffectiveFrom),
                inForceNow = result.InForceNow,
                queued = result.Queued,
                message = result.InForceNow
                    ? $"Regelsettet {result.ContentHash} gjelder fra i dag; {result.Queued} ALIS er lagt i kø for ny vurdering."
                    : $"Regelsettet {result.ContentHash} gjelder fra {result.Publication.EffectiveFrom.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}; nattkjøringen den dagen vurderer alle ALIS på nytt.",
            });
    }

    /// <summary>The request, or null after adding every problem with the body to <paramref name="problems"/>.</summary>
    public static PublishRequest? ReadRequest(ReadOnlyMemory<byte> body, string actorId, ICollection<PublishProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        string text;
        try
        {
            text = StrictUtf8.GetString(body.Span);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new PublishProblem(null, "forespørselen er ikke gyldig UTF-8-tekst."));
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (linje {line + 1}, posisjon {(exception.BytePositionInLine ?? 0) + 1})") : string.Empty;
            problems.Add(new PublishProblem(null, $"forespørselen er ikke gyldig JSON{where}."));
            return null;
        }

        using (document)
        {
            return ReadRequest(document.RootElement, actorId, problems);
        }
    }

    private static PublishRequest? ReadRequest(JsonElement root, string actorId, ICollection<PublishProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new PublishProblem(null, "forespørselen må være et JSON-objekt med effectiveFrom og files."));
            return null;
        }

        string? effectiveFrom = null, note = null;
        bool dryRun = false;
        var files = new List<RuleSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hasFiles = false;
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                problems.Add(new PublishProblem(null, $"feltet «{property.Name}» står mer enn én gang."));
                continue;
            }

            switch (property.Name)
            {
                case "effectiveFrom" when property.Value.ValueKind == JsonValueKind.String:
                    effectiveFrom = property.Value.GetString();
                    break;
                case "note" when property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    note = property.Value.GetString();
                    break;
                case "dryRun" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    dryRun = property.Value.GetBoolean();
                    break;
                case "files" when property.Value.ValueKind == JsonValueKind.Object:
                    hasFiles = true;
                    ReadFiles(property.Value, files, problems);
                    break;
                case "effectiveFrom" or "note" or "dryRun" or "files":
                    problems.Add(new PublishProblem(null, $"feltet «{property.Name}» har feil type ({TypeHint(property.Name)})."));
                    break;
                default:
                    problems.Add(new PublishProblem(null, $"ukjent felt «{property.Name}»: bruk effectiveFrom, note, dryRun og files."));
                    break;
            }
        }

        var date = effectiveFrom is null ? null : LocalDatePattern.Iso.Parse(effectiveFrom) is { Success: true } parsed ? parsed.Value : (NodaTime.LocalDate?)null;
        if (date is null)
        {
            problems.Add(new PublishProblem(null, effectiveFrom is null
                ? "mangler effectiveFrom: datoen regelsettet gjelder fra, som ÅÅÅÅ-MM-DD."
                : $"effectiveFrom «{effectiveFrom}» er ikke en dato som ÅÅÅÅ-MM-DD."));
        }

        if (!hasFiles)
        {
            problems.Add(new PublishProblem(null, "mangler files: regelsettets filer, etter sti (workflows/…, catalog/…, tests/…), med teksten som streng."));
        }

        return problems.Count > 0 ? null : new PublishRequest(RuleBundle.Of(files), date!.Value, note, dryRun, actorId);
    }

    private static void ReadFiles(JsonElement filesObject, List<RuleSource> files, ICollection<PublishProblem> problems)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in filesObject.EnumerateObject())
        {
            if (!paths.Add(file.Name))
            {
                problems.Add(new PublishProblem(file.Name, "filen står mer enn én gang i files."));
            }
            else if (file.Value.ValueKind != JsonValueKind.String)
            {
                problems.Add(new PublishProblem(file.Name, "filens innhold må være en streng med filens tekst."));
            }
            else
            {
                files.Add(new RuleSource(file.Name, file.Value.GetString()!));
            }
        }
    }

    private static string TypeHint(string field) => field switch
    {
        "effectiveFrom" => "en dato som streng, ÅÅÅÅ-MM-DD",
        "note" => "tekst",
        "dryRun" => "true eller false",
        _ => "et objekt fra sti til filtekst",
    };

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)
        && (media.CharSet is null || string.Equals(media.CharSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));

    private static HttpAnswer Refused(IReadOnlyList<PublishProblem> problems) => JsonAnswers.Create(400, new
    {
        outcome = "rejected",
        message = $"Regelsettet er avvist: {problems.Count} feil. Ingenting er lagret; regelsettet som gjelder, gjelder fortsatt.",
        errors = problems.Select(problem => new
        {
            file = problem.File,
            rule = problem.Rule,
            line = problem.Line,
            column = problem.Column,
            testCase = problem.TestCase,
            message = problem.Message,
        }),
    });

    private static object ImpactAnswer(string contentHash, PublishRequest request, ImpactReport impact) => new
    {
        outcome = "dryRun",
        contentHash,
        effectiveFrom = Iso(request.EffectiveFrom),
        asOf = Iso(impact.AsOf),
        fromVersion = impact.FromVersion,
        toVersion = impact.ToVersion,
        alisChanged = impact.AlisChanged,
        findingsGained = impact.FindingsGained,
        findingsLost = impact.FindingsLost,
        findingsChanged = impact.FindingsChanged,
        municipalities = impact.Municipalities.Select(municipality => new
        {
            municipalityId = municipality.MunicipalityId,
            alis = municipality.Alis.Select(alis => new
            {
                alisId = alis.AlisId,
                gained = alis.Gained.Select(FindingAnswer),
                lost = alis.Lost.Select(FindingAnswer),
                changed = alis.Changed.Select(change => new { ruleId = change.After.RuleId, before = FindingAnswer(change.Before), after = FindingAnswer(change.After) }),
                errors = alis.Errors.Select(error => new { ruleId = error.RuleId, message = error.Message }),
            }),
        }),
    };

    private static object FindingAnswer(Finding finding) =>
        new { ruleId = finding.RuleId, severity = SeverityNames.Code(finding.Severity), message = finding.Message };

    private static string Iso(NodaTime.LocalDate date) => LocalDatePattern.Iso.Format(date);
}
