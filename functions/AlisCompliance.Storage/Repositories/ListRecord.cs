namespace AlisCompliance.Storage.Repositories;

/// <summary>One record of an ALIS's lists: its kind, id, position in its list and JSON in the records format.</summary>
public sealed record ListRecord(RecordKind Kind, string Id, int Index, string Json);
