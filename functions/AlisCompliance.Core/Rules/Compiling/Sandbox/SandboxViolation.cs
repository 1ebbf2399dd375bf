using Microsoft.CodeAnalysis.Text;

namespace AlisCompliance.Core.Rules;

/// <summary>Something an expression may not do, at its span in the generated source.</summary>
internal readonly record struct SandboxViolation(TextSpan Span, string Code, string Message);
