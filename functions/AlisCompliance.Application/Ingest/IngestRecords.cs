using System.Text;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Ingest;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Application.Ingest;

/// <summary>
/// The IngestRecords function: one municipality's records file over HTTP, validated exactly as <c>alis check</c> and
/// <c>alis ingest</c> do. The route names the municipality, and the file must be that municipality's: a system may only
/// write its own records.
/// </summary>
public sealed partial class IngestRecords(IngestService ingest, RecordsReader reader, ILogger<IngestRecords> logger)
{
    /// <summary>The largest body read; the hosts refuse a larger one before reading it.</summary>
    public const int MaxBodyBytes = RecordsReader.MaxFileBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>202 with a summary; 400 with every problem; 409 on a concurrent change; 413 over the size limit; nothing written unless 202.</summary>
    public async Task<HttpAnswer> RespondAsync(string municipalityId, ReadOnlyMemory<byte> body, string actorId, CancellationToken cancellationToken)
    {
        var source = $"municipalities/{municipalityId}/records";
        if (body.Length > MaxBodyBytes)
        {
            return TooLarge(source, body.Length);
        }

        string json;
        try
        {
            json = StrictUtf8.GetString(body.Span);
        }
        catch (DecoderFallbackException)
        {
            return Rejected([new RecordsError(source, string.Empty, null, "er ikke gyldig UTF-8-tekst")]);
        }

        var read = reader.Read(source, json);
        if (!read.IsValid)
        {
            return Rejected(read.Errors);
        }

        if (!string.Equals(read.Records!.Municipality.Id, municipalityId, StringComparison.Ordinal))
        {
            return Rejected([new RecordsError(source, "municipality.id", read.Records.Municipality.Id, $"filen gjelder kommune {read.Records.Municipality.Id}, men ble sendt til kommune {municipalityId}")]);
        }

        var result = await ingest.IngestAsync([new IngestFile(source, json)], actorId, cancellationToken);
        LogIngested(municipalityId, actorId, result.Outcome, result.Counts.AlisChanged);
        return result.Outcome switch
        {
            IngestOutcome.Accepted => JsonAnswers.Create(202, new
            {
                outcome = "accepted",
                municipalityId,
                alis = result.Counts.Alis,
                alisChanged = result.Counts.AlisChanged,
                alisUnchanged = result.Counts.AlisUnchanged,
                queued = result.Counts.MessagesSent,
            }),
            IngestOutcome.Conflict => Problem(409, "conflict", result.Errors),
            _ => Rejected(result.Errors),
        };
    }

    public static HttpAnswer TooLarge(string source, long bytes) =>
        Problem(413, "rejected", [new RecordsError(source, string.Empty, null, RecordsReader.TooLarge("innsendingen", bytes, MaxBodyBytes))]);

    private static HttpAnswer Rejected(IReadOnlyList<RecordsError> errors) => Problem(400, "rejected", errors);

    private static HttpAnswer Problem(int status, string outcome, IReadOnlyList<RecordsError> errors) =>
        JsonAnswers.Create(status, new
        {
            outcome,
            message = status == 409
                ? "En annen innsending endret de samme ALIS samtidig; ingenting er lagret. Send filen på nytt."
                : $"Innsendingen er avvist: {errors.Count} feil. Ingenting er lagret.",
            errors = errors.Select(error => new { file = error.Source, path = error.Path, recordId = error.RecordId, message = error.Message }),
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest for municipality {MunicipalityId} by {ActorId}: {Outcome}, {AlisChanged} ALIS changed")]
    private partial void LogIngested(string municipalityId, string actorId, IngestOutcome outcome, int alisChanged);
}
