using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;

namespace AlisCompliance.Application.Loading;

/// <summary>Reads a records file, or every .json file in a folder (any letter case); each file is accepted or rejected whole.</summary>
public static class RecordsLoader
{
    public static async Task<RecordsLoad> LoadAsync(string path, RecordsReader reader, CancellationToken cancellationToken)
    {
        var files = Directory.Exists(path) ? SafeTextFile.JsonFilesIn(path) : [path];
        if (files.Count == 0)
        {
            return new RecordsLoad([], [new RecordsError(path, string.Empty, null, "mappen har ingen .json-filer")]);
        }

        var records = new List<MunicipalityRecords>();
        var errors = new List<RecordsError>();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(Environment.CurrentDirectory, file);
            var read = await SafeTextFile.ReadAsync(file, RecordsReader.MaxFileBytes, cancellationToken);
            if (!read.IsRead)
            {
                errors.Add(new RecordsError(name, string.Empty, null, $"filen {read.Problem}"));
                continue;
            }

            var result = reader.Read(name, read.Text!);
            var duplicate = result.IsValid
                ? records.FirstOrDefault(earlier => string.Equals(earlier.Municipality.Id, result.Records!.Municipality.Id, StringComparison.Ordinal))
                : null;
            if (duplicate is not null)
            {
                // One municipality per file: a second file for it would evaluate its ALIS twice.
                errors.Add(new RecordsError(name, "municipality.id", result.Records!.Municipality.Id, "kommunen finnes allerede i en annen fil i mappen; én fil per kommune"));
            }
            else if (result.IsValid)
            {
                records.Add(result.Records!);
            }
            else
            {
                errors.AddRange(result.Errors);
            }
        }

        return new RecordsLoad(records, errors);
    }
}
