using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using AlisCompliance.Core.Compliance;
using NodaTime.Text;

namespace AlisCompliance.Application.Status;

/// <summary>
/// The status page as JSON, in a shape that does not change with the C# model: camelCase names, ISO dates
/// (<c>asOf</c> a date, <c>firstSeen</c> an instant in UTC), severities as "violation" | "warning" | "info", the ALIS in
/// the model's order, and every field present (null where there is no value).
/// </summary>
public static class StatusPageJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Norwegian letters stay readable; <, >, &, quotes are still escaped, so the JSON is safe inside HTML too.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize(StatusPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("municipalityId", model.MunicipalityId);
            json.WriteString("municipalityName", model.MunicipalityName);
            json.WriteString("asOf", LocalDatePattern.Iso.Format(model.AsOf));
            json.WriteStartObject("summary");
            json.WriteNumber("alis", model.Alis.Count);
            foreach (var severity in new[] { Severity.Violation, Severity.Warning, Severity.Info })
            {
                json.WriteNumber(SeverityNames.Code(severity), model.Alis.Sum(alis => alis.Findings.Count(finding => finding.Severity == severity)));
            }

            json.WriteEndObject();
            json.WriteStartArray("alis");
            foreach (var alis in model.Alis)
            {
                WriteAlis(json, alis);
            }

            json.WriteEndArray();
            json.WriteStartArray("undeliveredAlerts");
            foreach (var alert in model.UndeliveredAlerts)
            {
                json.WriteStartObject();
                json.WriteString("alisId", alert.AlisId);
                json.WriteString("ruleId", alert.RuleId);
                json.WriteString("kind", alert.Kind.ToString());
                json.WriteString("severity", alert.Severity is { } severity ? SeverityNames.Code(severity) : null);
                json.WriteString("reason", alert.Reason);
                json.WriteString("detectedAt", InstantPattern.ExtendedIso.Format(alert.DetectedAt));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteAlis(Utf8JsonWriter json, AlisStatus alis)
    {
        json.WriteStartObject();
        json.WriteString("alisId", alis.AlisId);
        json.WriteString("name", alis.Name);
        if (alis.Worst is { } worst)
        {
            json.WriteString("worst", SeverityNames.Code(worst));
        }
        else
        {
            json.WriteNull("worst");
        }

        json.WriteStartArray("findings");
        foreach (var finding in alis.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("severity", SeverityNames.Code(finding.Severity));
            json.WriteString("message", finding.Message);
            json.WriteString("legalReference", finding.LegalReference);
            json.WriteString("firstSeen", InstantPattern.ExtendedIso.Format(finding.FirstSeen));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
