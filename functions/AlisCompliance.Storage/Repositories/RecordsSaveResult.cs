namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The version of one ALIS in force after a save, whether this save wrote it, and whether it still has to be queued for
/// evaluation (written now, or written by an earlier save that stopped before its message was sent).
/// </summary>
public sealed record SavedAlis(string MunicipalityId, string AlisId, string BatchId, bool Changed, bool NeedsQueue);

/// <summary>What a save did: every ALIS with its version in force, and how many rows it wrote and deleted.</summary>
/// <param name="Alis">Every ALIS of the save, in input order.</param>
/// <param name="RowsWritten">Rows inserted or replaced (ALIS batches, municipality rows, pointers).</param>
/// <param name="RowsDeleted">Rows of replaced versions deleted.</param>
/// <param name="CleanupFailures">ALIS whose old rows could not all be deleted; the next save of that ALIS deletes them.</param>
public sealed record RecordsSaveResult(IReadOnlyList<SavedAlis> Alis, int RowsWritten, int RowsDeleted, int CleanupFailures);

/// <summary>One ALIS as listed in its municipality's index.</summary>
public sealed record AlisEntry(string MunicipalityId, string AlisId, string LeaderId);

/// <summary>One municipality in the list the nightly sweep walks.</summary>
public sealed record MunicipalityEntry(string MunicipalityId, string Name);

/// <summary>One ALIS as stored: the records (its municipality, veiledere and this ALIS alone) and the batch in force.</summary>
public sealed record StoredAlis(Core.Records.MunicipalityRecords Records, string BatchId);
