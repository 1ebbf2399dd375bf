using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlisCompliance.Application.Hosting;

/// <summary>Registers the use cases and what they need, from configuration; both hosts call it.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddAlisCompliance(this IServiceCollection services, IConfiguration configuration) =>
        throw new NotSupportedException("contract only: being implemented");
}
