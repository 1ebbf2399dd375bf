using AlisCompliance.Core.Compliance;
using NodaTime;

namespace AlisCompliance.Application.Digest;

/// <summary>An open finding of one ALIS, as stored: an input to <see cref="DigestBuilder"/>.</summary>
public sealed record DigestFinding(string AlisId, string RuleId, Severity Severity, string Message, string LegalReference, Instant FirstSeen);
