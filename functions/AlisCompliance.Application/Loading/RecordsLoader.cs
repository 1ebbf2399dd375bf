using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;

namespace AlisCompliance.Application.Loading;

/// <summary>Reads a records file, or every *.json in a folder; each file is accepted or rejected whole.</summary>
public static class RecordsLoader
{
    public static async Task<RecordsLoad> LoadAsync(string path, RecordsReader reader, CancellationToken cancellationToken)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal).ToList()
            : File.Exists(path) ? [path] : [];
        if (files.Count == 0)
        {
            var problem = Directory.Exists(path) ? "mappen har ingen .json-filer" : "finnes ikke";
            return new RecordsLoad([], [new RecordsError(path, string.Empty, null, problem)]);
        }

        var records = new List<MunicipalityRecords>();
        var errors = new List<RecordsError>();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(Environment.CurrentDirectory, file);
            var size = new FileInfo(file).Length;
            if (size > RecordsReader.MaxFileBytes)
            {
                errors.Add(new RecordsError(name, string.Empty, null, $"filen er for stor ({size} byte; grensen er {RecordsReader.MaxFileBytes} byte)"));
                continue;
            }

            var result = reader.Read(name, await File.ReadAllTextAsync(file, cancellationToken));
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
