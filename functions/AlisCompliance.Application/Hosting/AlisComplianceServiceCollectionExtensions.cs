using AlisCompliance.Application.Access;
using AlisCompliance.Application.Alerts;
using AlisCompliance.Application.Digest;
using AlisCompliance.Application.Email;
using AlisCompliance.Application.Evaluation;
using AlisCompliance.Application.Ingest;
using AlisCompliance.Application.Loading;
using AlisCompliance.Application.Operations;
using AlisCompliance.Application.Rules;
using AlisCompliance.Application.Status;
using AlisCompliance.Application.Sweep;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Core.Rules;
using AlisCompliance.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace AlisCompliance.Application.Hosting;

/// <summary>Registers the use cases and what they need, from configuration; both hosts call it.</summary>
public static class AlisComplianceServiceCollectionExtensions
{
    /// <summary>The Functions host's own storage setting: the app keeps its data in the same account.</summary>
    public const string StorageConnectionName = "AzureWebJobsStorage";

    /// <summary>
    /// Reads: <c>AzureWebJobsStorage</c> (storage), <c>Smtp:*</c> (mail server), <c>AlisCompliance:*</c> (public URL,
    /// sender, <c>RulesPath</c> for a rules folder other than the one shipped with the program, <c>RuleBudget:*</c> for the
    /// time and memory one rule may use per ALIS, <c>Access:*</c> for who may call the HTTP functions: see
    /// <see cref="AccessOptions"/>). A bad rule budget stops the host at startup with a Norwegian message.
    /// </summary>
    public static IServiceCollection AddAlisCompliance(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.Configure<ServiceOptions>(configuration.GetSection(ServiceOptions.Section));

        var rulesPath = configuration[$"{ServiceOptions.Section}:RulesPath"];
        var rulesDirectory = new RulesDirectory(rulesPath is { Length: > 0 } ? new DirectoryInfo(rulesPath) : RulesDirectory.Default);
        services.AddSingleton(rulesDirectory);
        services.AddSingleton(provider => provider.GetRequiredService<RulesDirectory>().ReadCatalog());
        services.AddSingleton(provider => new RecordsReader(provider.GetRequiredService<TrainingCatalog>()));
        services.AddSingleton(new CompiledRuleSets(ConfiguredRuleBudget(configuration)));
        services.AddSingleton<ComplianceRules>();

        services.AddComplianceStorage(configuration, StorageConnectionName);
        services.AddHostedService<StorageInitializer>();

        services.AddSmtpMailSender(configuration);

        services.AddSingleton<IngestRecords>();
        services.AddSingleton<EvaluateAlis>();
        services.AddSingleton<DeliverAlert>();
        services.AddSingleton<NightlySweep>();
        services.AddSingleton<WeeklyDigest>();
        services.AddSingleton<ComplianceStatus>();
        services.AddSingleton<ServiceHealth>();
        services.AddSingleton<AuditQuery>();
        services.AddAlisAccess(configuration);
        services.AddSingleton<PublishRules>();
        return services;
    }

    /// <summary>The HTTP functions' gate and what it needs (<c>AlisCompliance:Access</c>); the gate audits with <see cref="Storage.Repositories.AuditLog"/>.</summary>
    public static IServiceCollection AddAlisAccess(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(registration => registration.ServiceType == typeof(HttpFunctionGate)))
        {
            return services; // bound once: binding the options again would list every key twice
        }

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.Configure<AccessOptions>(configuration.GetSection(AccessOptions.Section));
        services.TryAddSingleton<CallerAuthenticator>();
        services.TryAddSingleton<FailedAuthentications>();
        services.TryAddSingleton<HttpFunctionGate>();
        return services;
    }

    private static EvaluationBudget ConfiguredRuleBudget(IConfiguration configuration)
    {
        var time = $"{RuleBudgetSetting.Section}:{RuleBudgetSetting.TimeLimitKey}";
        var allocation = $"{RuleBudgetSetting.Section}:{RuleBudgetSetting.AllocationLimitKey}";
        return RuleBudgetSetting.Parse(configuration[time], configuration[allocation], time, allocation, out var problem)
            ?? throw new InvalidOperationException(problem);
    }
}
