namespace AlisCompliance.Core.Records.Reading;

internal sealed class ErrorCollector(string source)
{
    private readonly List<RecordsError> _errors = [];

    public IReadOnlyList<RecordsError> Errors => _errors;

    public void Add(string path, string? recordId, string message) =>
        _errors.Add(new RecordsError(source, path, recordId, message));
}
