using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;

namespace AlisCompliance.Application.Loading;

/// <summary>The valid files' records, and every problem of the rejected ones.</summary>
public sealed record RecordsLoad(IReadOnlyList<MunicipalityRecords> Records, IReadOnlyList<RecordsError> Errors);
