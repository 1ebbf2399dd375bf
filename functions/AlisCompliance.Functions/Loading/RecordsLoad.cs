using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;

namespace AlisCompliance.Functions.Loading;

/// <summary>The valid files' records, and every problem of the rejected ones.</summary>
internal sealed record RecordsLoad(IReadOnlyList<MunicipalityRecords> Records, IReadOnlyList<RecordsError> Errors);
