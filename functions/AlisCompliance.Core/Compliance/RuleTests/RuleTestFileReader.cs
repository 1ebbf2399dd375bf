using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Core.Compliance.RuleTests;

/// <summary>
/// Reads a rules/tests file. A file holds shared <c>records</c> (municipality and veiledere), an <c>alisTemplate</c>
/// (an ALIS on track), and <c>cases</c>; each case overrides top-level fields of the template with <c>alis</c> (and of the
/// municipality with <c>municipality</c>), may add one session a month with <c>monthlySessions</c>, and lists
/// <c>expect</c>ed outcomes per rule. A case's dates may be written relative to a fixed-date GlobalParam
/// (<see cref="RelativeDates"/>).
/// </summary>
public static class RuleTestFileReader
{
    public const string Pass = "pass";

    private static readonly HashSet<string> Outcomes = new(StringComparer.Ordinal) { Pass, "info", "warning", "violation" };

    public static IReadOnlyList<RuleTestCase> Read(string source, string json, ICollection<string> errors) =>
        Read(source, json, new Dictionary<string, LocalDate>(StringComparer.Ordinal), errors);

    /// <summary>
    /// Reads the file; a date anywhere in a case (its <c>asOf</c>, <c>alis</c> or <c>municipality</c>) may be written
    /// relative to one of <paramref name="namedDates"/>, e.g. <c>"transitionDeadline - 38 days"</c>.
    /// </summary>
    public static IReadOnlyList<RuleTestCase> Read(string source, string json, IReadOnlyDictionary<string, LocalDate> namedDates, ICollection<string> errors)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            errors.Add($"{source}: ugyldig JSON på linje {(exception.LineNumber ?? 0) + 1}: {exception.Message}");
            return [];
        }

        if (root is not JsonObject file || file["records"] is not JsonObject records || file["cases"] is not JsonArray cases)
        {
            errors.Add($"{source}: en testfil må ha 'records' (objekt) og 'cases' (liste)");
            return [];
        }

        var template = file["alisTemplate"] as JsonObject ?? [];
        var result = new List<RuleTestCase>();
        for (var index = 0; index < cases.Count; index++)
        {
            var testCase = ReadCase(source, index, cases[index], records, template, namedDates, errors);
            if (testCase is not null)
            {
                result.Add(testCase);
            }
        }

        return result;
    }

    private static RuleTestCase? ReadCase(string source, int index, JsonNode? node, JsonObject records, JsonObject template, IReadOnlyDictionary<string, LocalDate> namedDates, ICollection<string> errors)
    {
        var where = $"{source}: cases[{index}]";
        if (node is not JsonObject testCase)
        {
            errors.Add($"{where}: må være et objekt");
            return null;
        }

        var name = testCase["name"]?.GetValue<string>() ?? $"case {index}";
        where = $"{source}: '{name}'";
        var asOfText = testCase["asOf"]?.GetValue<string>();
        var asOf = asOfText is null ? null : RelativeDates.Resolve(asOfText, namedDates);
        if (asOf is null)
        {
            errors.Add($"{where}: 'asOf' mangler eller er ingen dato (ÅÅÅÅ-MM-DD, eller f.eks. \"transitionDeadline - 38 days\")");
            return null;
        }

        if (testCase["expect"] is not JsonObject expect || expect.Count == 0)
        {
            errors.Add($"{where}: 'expect' mangler; oppgi forventet utfall per regel");
            return null;
        }

        var expectations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (ruleId, outcome) in expect)
        {
            var text = outcome?.GetValue<string>() ?? string.Empty;
            if (!Outcomes.Contains(text))
            {
                errors.Add($"{where}: forventet utfall for {ruleId} er '{text}'; bruk pass, info, warning eller violation");
                return null;
            }

            expectations[ruleId] = text;
        }

        var alis = (JsonObject)template.DeepClone();
        if (testCase["alis"]?.DeepClone() is JsonObject overrides)
        {
            RelativeDates.ResolveIn(overrides, namedDates);
            foreach (var (field, value) in overrides)
            {
                alis[field] = value?.DeepClone();
            }
        }

        if (testCase["monthlySessions"] is JsonArray monthly && !AddMonthlySessions(alis, monthly, where, errors))
        {
            return null;
        }

        var document = (JsonObject)records.DeepClone();
        if (testCase["municipality"]?.DeepClone() is JsonObject municipalityOverrides && document["municipality"] is JsonObject municipality)
        {
            RelativeDates.ResolveIn(municipalityOverrides, namedDates);
            foreach (var (field, value) in municipalityOverrides)
            {
                municipality[field] = value?.DeepClone();
            }
        }

        document["alis"] = new JsonArray(alis);
        return new RuleTestCase(source, name, asOf.Value, document.ToJsonString(), expectations);
    }

    /// <summary>Expands {"from": "2025-03", "to": "2026-02", "minutes": 210, "veilederId": "v-1"} into one session a month.</summary>
    private static bool AddMonthlySessions(JsonObject alis, JsonArray monthly, string where, ICollection<string> errors)
    {
        var sessions = alis["supervisionSessions"] as JsonArray ?? [];
        alis["supervisionSessions"] = sessions;
        foreach (var spec in monthly.OfType<JsonObject>())
        {
            var from = YearMonthPattern.Iso.Parse(spec["from"]?.GetValue<string>() ?? string.Empty);
            var to = YearMonthPattern.Iso.Parse(spec["to"]?.GetValue<string>() ?? string.Empty);
            var minutes = spec["minutes"]?.GetValue<int>();
            if (!from.Success || !to.Success || minutes is null)
            {
                errors.Add($"{where}: monthlySessions trenger 'from' og 'to' (ÅÅÅÅ-MM) og 'minutes'");
                return false;
            }

            var day = spec["day"]?.GetValue<int>() ?? 15;
            var veilederId = spec["veilederId"]?.GetValue<string>() ?? "v-1";
            var finalised = spec["referatFinalised"]?.GetValue<bool>() ?? true;
            for (var month = from.Value; month <= to.Value; month = month.PlusMonths(1))
            {
                var date = month.OnDayOfMonth(Math.Min(day, month.Calendar.GetDaysInMonth(month.Year, month.Month)));
                sessions.Add(new JsonObject
                {
                    ["id"] = string.Create(CultureInfo.InvariantCulture, $"m-{date:yyyyMMdd}-{sessions.Count}"),
                    ["date"] = LocalDatePattern.Iso.Format(date),
                    ["minutes"] = minutes.Value,
                    ["veilederId"] = veilederId,
                    ["referatFinalised"] = finalised,
                });
            }
        }

        return true;
    }
}
