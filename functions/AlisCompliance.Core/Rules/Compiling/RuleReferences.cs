using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NodaTime;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// The assemblies rule code is compiled against: a small slice of the running framework plus the
/// assemblies of the caller's types. References are cached for the life of the process, so only the
/// first compilation pays for reading their metadata.
/// </summary>
internal static class RuleReferences
{
    private static readonly string[] FrameworkAssemblies =
    [
        "System.Private.CoreLib", "System.Runtime", "System.Linq", "System.Collections", "netstandard",
    ];

    private static readonly ConcurrentDictionary<string, MetadataReference> Cache = new(StringComparer.Ordinal);
    private static readonly Lazy<IReadOnlyList<string>> FrameworkPaths = new(FindFrameworkPaths);

    public static IReadOnlyList<MetadataReference> For(IEnumerable<Type> callerTypes)
    {
        var paths = new List<string>(FrameworkPaths.Value);
        var seen = new HashSet<string>(paths, StringComparer.Ordinal);
        var assemblies = new[] { typeof(LocalDate).Assembly, typeof(RuleResult).Assembly }
            .Concat(AssembliesOf(callerTypes).OrderBy(assembly => assembly.FullName, StringComparer.Ordinal));
        foreach (var assembly in assemblies)
        {
            if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location))
            {
                continue;
            }

            if (seen.Add(assembly.Location))
            {
                paths.Add(assembly.Location);
            }
        }

        return [.. paths.Select(path => Cache.GetOrAdd(path, static file => MetadataReference.CreateFromFile(file)))];
    }

    /// <summary>The assemblies of the types and of what their public surface mentions, one level deep.</summary>
    private static HashSet<Assembly> AssembliesOf(IEnumerable<Type> roots)
    {
        var assemblies = new HashSet<Assembly>();
        var visited = new HashSet<Type>();
        foreach (var root in roots)
        {
            AddType(root);
            const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
            foreach (var property in root.GetProperties(Public))
            {
                AddType(property.PropertyType);
            }

            foreach (var field in root.GetFields(Public))
            {
                AddType(field.FieldType);
            }

            foreach (var method in root.GetMethods(Public))
            {
                AddType(method.ReturnType);
                foreach (var parameter in method.GetParameters())
                {
                    AddType(parameter.ParameterType);
                }
            }
        }

        return assemblies;

        void AddType(Type? type)
        {
            while (type is not null && (type.HasElementType || type.IsByRef || type.IsPointer))
            {
                type = type.GetElementType();
            }

            if (type is null || type.IsGenericParameter || !visited.Add(type))
            {
                return;
            }

            assemblies.Add(type.Assembly);
            AddType(type.BaseType);
            AddType(type.DeclaringType);
            foreach (var argument in type.IsConstructedGenericType ? type.GetGenericArguments() : [])
            {
                AddType(argument);
            }

            foreach (var contract in type.GetInterfaces())
            {
                AddType(contract);
            }
        }
    }

    private static List<string> FindFrameworkPaths()
    {
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var byName = trusted
            .GroupBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
        var paths = new List<string>();
        foreach (var name in FrameworkAssemblies)
        {
            var path = byName.GetValueOrDefault(name) ?? Path.Combine(frameworkDirectory, name + ".dll");
            if (File.Exists(path))
            {
                paths.Add(path);
            }
        }

        return paths;
    }
}
