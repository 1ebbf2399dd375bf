namespace AlisCompliance.Core.Rules;

/// <summary>An input parameter as the generated code declares it.</summary>
internal sealed record GeneratedInput(string Name, string TypeName);
