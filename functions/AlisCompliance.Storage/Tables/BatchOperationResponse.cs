namespace AlisCompliance.Storage.Tables;

/// <summary>One operation's answer inside a batch answer.</summary>
internal sealed record BatchOperationResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);
