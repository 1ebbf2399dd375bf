namespace AlisCompliance.Core.Records.Reading;

/// <summary>One problem in a records file: where it is (file, JSON path, record id) and what is wrong, in Norwegian.</summary>
public sealed record RecordsError(string Source, string Path, string? RecordId, string Message)
{
    public override string ToString()
    {
        var record = RecordId is null ? string.Empty : $" (id {RecordId})";
        var path = Path.Length == 0 ? string.Empty : $" {Path}";
        var where = path + record;
        return where.Length == 0 ? $"{Source}: {Message}" : $"{Source}:{where}: {Message}";
    }
}
