using AlisCompliance.Core.Compliance;
using NodaTime;

namespace AlisCompliance.Application.Digest;

/// <summary>A transition of one rule's finding for one ALIS during the week: an input to <see cref="DigestBuilder"/>.</summary>
public sealed record DigestChange(string AlisId, string RuleId, FindingTransitionKind Kind, Severity? Before, Severity? After, Instant At);
