using System.Reflection;
using Microsoft.Azure.WebJobs;

namespace AlisCompliance.Cli.Serve;

/// <summary>The WebJobs function classes serve hosts, named instead of found by scanning the loaded assemblies.</summary>
internal sealed class ServeTypeLocator(IReadOnlyList<Type> types) : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => types;
}
