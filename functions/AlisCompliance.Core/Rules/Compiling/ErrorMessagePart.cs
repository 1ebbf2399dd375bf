namespace AlisCompliance.Core.Rules;

/// <summary>A literal piece of an ErrorMessage, or the C# expression inside a $(…) placeholder.</summary>
/// <param name="Offset">Where <paramref name="Text"/> starts in the ErrorMessage.</param>
internal sealed record ErrorMessagePart(string Text, int Offset, bool IsPlaceholder);
