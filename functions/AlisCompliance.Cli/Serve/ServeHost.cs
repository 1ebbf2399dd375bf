using System.Net;
using AlisCompliance.Application.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Azure.WebJobs.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Cli.Serve;

/// <summary>
/// One process hosting the app's functions as the Functions host would: the queue and timer functions on the WebJobs
/// SDK (the engine under the Functions host: the same queue extension, 5.3.10, with its dequeue counts, back-off and
/// poison queues), the HTTP functions on Kestrel. Configured from the same host.json and the same settings.
/// </summary>
internal static class ServeHost
{
    /// <summary>Builds serve; nothing listens until the returned application is started.</summary>
    /// <param name="options">Port, storage, drain, timers and the settings files.</param>
    /// <param name="addUseCases">Registers the use cases; <see cref="AlisComplianceServiceCollectionExtensions.AddAlisCompliance"/> unless a test gives its own.</param>
    /// <param name="configureServices">Runs last, so a test can replace a registration (e.g. <see cref="ServeHandlers"/>).</param>
    /// <returns>The application, not started.</returns>
    public static WebApplication Build(ServeOptions options, Action<IServiceCollection, IConfiguration>? addUseCases = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Environment.CurrentDirectory });
        Configure(builder.Configuration, options);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));

        (addUseCases ?? ((services, configuration) => services.AddAlisCompliance(configuration)))(builder.Services, builder.Configuration);
        builder.Services.AddAlisAccess(builder.Configuration);
        builder.Services.AddSingleton(provider => ServeHandlers.FromUseCases(provider.GetRequiredService<IServiceScopeFactory>()));
        AddWebJobs(builder.Services, options);
        if (options.Drain)
        {
            var connection = builder.Configuration[ServeConfiguration.StorageConnectionName]!;
            builder.Services.AddSingleton(provider => new QueueDrain(
                StorageQueues.Connect(connection),
                ServeBindings.Queues,
                options.DrainQuietPeriod,
                provider.GetRequiredService<IHostApplicationLifetime>(),
                provider.GetRequiredService<ILogger<QueueDrain>>()));
            builder.Services.AddHostedService(provider => provider.GetRequiredService<QueueDrain>());
        }

        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.Use(ServeHttp.CatchAllAsync);
        ServeHttp.MapFunctions(app);
        return app;
    }

    /// <summary>
    /// Settings, lowest priority first: defaults; host.json; local.settings.json's Values; environment variables;
    /// <see cref="ServeOptions.Settings"/>; <c>--connection-string</c>.
    /// </summary>
    private static void Configure(ConfigurationManager configuration, ServeOptions options)
    {
        configuration.Sources.Clear();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ServeConfiguration.StorageConnectionName] = "UseDevelopmentStorage=true",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.Azure.WebJobs.Hosting.OptionsLoggingService"] = "Warning",
        });
        configuration.AddInMemoryCollection(ServeConfiguration.FromHostJson(options.HostJsonPath));
        configuration.AddInMemoryCollection(ServeConfiguration.FromLocalSettings(options.LocalSettingsPath));
        configuration.AddEnvironmentVariables();
        configuration.AddInMemoryCollection(options.Settings);
        if (options.ConnectionString is { } connection)
        {
            configuration.AddInMemoryCollection([new(ServeConfiguration.StorageConnectionName, connection)]);
        }
    }

    private static void AddWebJobs(IServiceCollection services, ServeOptions options)
    {
        var webJobs = services.AddWebJobs(_ => { });
        webJobs.AddAzureStorageQueues(); // options from AzureWebJobs:extensions:queues, i.e. host.json
        List<Type> functions = [typeof(ServeQueueFunctions)];
        if (options.Timers)
        {
            webJobs.AddTimers();
            services.AddSingleton<ScheduleMonitor, InMemoryScheduleMonitor>(); // after AddTimers: replaces its storage monitor
            functions.Add(typeof(ServeTimerFunctions));
        }

        services.AddSingleton<ITypeLocator>(new ServeTypeLocator(functions));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, JobHostService>());
    }
}
