using Microsoft.CodeAnalysis;

namespace AlisCompliance.Core.Rules;

/// <summary>Finds the Roslyn symbol for a runtime <see cref="Type"/> in a compilation.</summary>
internal static class TypeSymbolResolver
{
    public static ITypeSymbol Resolve(Compilation compilation, Type type) =>
        TryResolve(compilation, type)
        ?? throw new ArgumentException($"Type '{type}' cannot be used by rules: it was not found in the referenced assembly '{type.Assembly.GetName().Name}'.", nameof(type));

    private static ITypeSymbol? TryResolve(Compilation compilation, Type type)
    {
        if (type.IsArray)
        {
            return TryResolve(compilation, type.GetElementType()!) is { } element
                ? compilation.CreateArrayTypeSymbol(element, type.GetArrayRank())
                : null;
        }

        if (type.IsConstructedGenericType)
        {
            if (TryResolve(compilation, type.GetGenericTypeDefinition()) is not INamedTypeSymbol definition)
            {
                return null;
            }

            var arguments = type.GetGenericArguments().Select(argument => TryResolve(compilation, argument)).ToArray();
            return arguments.Any(argument => argument is null) ? null : definition.Construct(arguments!);
        }

        if (type.IsGenericParameter || type.IsPointer || type.IsByRef || type.FullName is not { } metadataName)
        {
            return null;
        }

        var candidates = compilation.GetTypesByMetadataName(metadataName);
        var assemblyName = type.Assembly.GetName().Name;
        return candidates.Length == 1
            ? candidates[0]
            : candidates.FirstOrDefault(candidate => string.Equals(candidate.ContainingAssembly.Name, assemblyName, StringComparison.Ordinal));
    }
}
