using System.Globalization;
using CsvHelper;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Application.Ingest;

/// <summary>
/// Reads a supervision log kept in a spreadsheet: a header <c>date, minutes, veileder_id, alis_id, referat_finalised</c>
/// (any order, other columns ignored, comma or semicolon), dates as 2026-03-05 or 05.03.2026, referat as ja/nei, true/false
/// or 1/0. Every problem is reported with its line number ("linje 7: minutes: kan ikke være negativ (-30)"); a file with
/// any problem yields no rows.
/// </summary>
public static class SupervisionCsvReader
{
    public const int MaxMinutes = 24 * 60;

    private static readonly string[] Columns = ["date", "minutes", "veileder_id", "alis_id", "referat_finalised"];
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;
    private static readonly LocalDatePattern Norwegian = LocalDatePattern.CreateWithInvariantCulture("dd'.'MM'.'uuuu");

    public static (IReadOnlyList<SupervisionCsvRow> Rows, IReadOnlyList<string> Errors) Read(string text)
    {
        var rows = new List<SupervisionCsvRow>();
        var errors = new List<string>();
        var options = CsvReaderOptions.Default with
        {
            TrackLineNumbers = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            IncludeValuesInExceptions = false,
            DetectSeparatorHint = true,
        };
        using var csv = CsvReader.FromText(text, options);
        csv.ReadHeader();
        var header = csv.Headers.Select(name => name.Trim().ToLowerInvariant()).ToList();
        if (header.All(string.IsNullOrEmpty))
        {
            return ([], ["linje 1: filen er tom; første linje skal være overskriftene " + string.Join(", ", Columns)]);
        }

        var missing = Columns.Where(column => !header.Contains(column, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            return ([], [$"linje 1: mangler kolonnen {string.Join(", ", missing.Select(column => $"'{column}'"))} (forventet: {string.Join(", ", Columns)})"]);
        }

        var index = Columns.ToDictionary(column => column, column => header.IndexOf(column), StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var fields = index.ToDictionary(pair => pair.Key, pair => csv.GetString(pair.Value).Trim(), StringComparer.Ordinal);
            if (fields.Values.All(string.IsNullOrEmpty))
            {
                continue;
            }

            var lineErrors = new List<string>();
            void Error(string column, string message) => lineErrors.Add($"linje {line}: {column}: {message}");

            var date = ParseDate(fields["date"], message => Error("date", message));
            var minutes = ParseMinutes(fields["minutes"], message => Error("minutes", message));
            var veileder = Required(fields["veileder_id"], message => Error("veileder_id", message));
            var alis = Required(fields["alis_id"], message => Error("alis_id", message));
            var finalised = ParseYesNo(fields["referat_finalised"], message => Error("referat_finalised", message));
            errors.AddRange(lineErrors);
            if (lineErrors.Count == 0)
            {
                rows.Add(new SupervisionCsvRow(line, date!.Value, minutes!.Value, veileder!, alis!, finalised!.Value));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add("linje 2: filen har ingen veiledninger");
        }

        return errors.Count == 0 ? (rows, []) : ([], errors);
    }

    private static LocalDate? ParseDate(string text, Action<string> error)
    {
        if (text.Length == 0)
        {
            error("mangler");
            return null;
        }

        var parsed = text.Contains('.', StringComparison.Ordinal) ? Norwegian.Parse(text) : Iso.Parse(text);
        if (parsed.Success && parsed.Value.Year is >= 1900 and <= 2999)
        {
            return parsed.Value;
        }

        error($"'{text}' er ingen gyldig dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)");
        return null;
    }

    private static int? ParseMinutes(string text, Action<string> error)
    {
        if (text.Length == 0)
        {
            error("mangler");
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var minutes))
        {
            error($"'{text}' er ikke et helt antall minutter");
            return null;
        }

        if (minutes < 0)
        {
            error($"kan ikke være negativ ({minutes})");
            return null;
        }

        if (minutes > MaxMinutes)
        {
            error($"kan ikke være mer enn {MaxMinutes} (ett døgn) ({minutes})");
            return null;
        }

        return minutes;
    }

    private static string? Required(string text, Action<string> error)
    {
        if (text.Length == 0)
        {
            error("mangler");
            return null;
        }

        return text;
    }

    private static bool? ParseYesNo(string text, Action<string> error)
    {
        switch (text.ToLowerInvariant())
        {
            case "" or "nei" or "n" or "false" or "0" or "no":
                return false;
            case "ja" or "j" or "true" or "1" or "yes" or "x":
                return true;
            default:
                error($"'{text}' må være ja eller nei");
                return null;
        }
    }
}
