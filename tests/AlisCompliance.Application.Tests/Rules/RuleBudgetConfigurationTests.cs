using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Rules;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlisCompliance.Application.Tests.Rules;

/// <summary>The service's rule budget comes from <c>AlisCompliance:RuleBudget</c> and reaches the compiled rule set.</summary>
public sealed class RuleBudgetConfigurationTests
{
    [Fact]
    public async Task The_configured_budget_reaches_the_compiled_rule_set()
    {
        using var provider = Services(("AlisCompliance:RuleBudget:TimeLimitMilliseconds", "150"), ("AlisCompliance:RuleBudget:AllocationLimitMegabytes", "50"));

        using var ruleSet = await CompileShippedAsync(provider);

        ruleSet.Budget.Should().Be(new EvaluationBudget(TimeSpan.FromMilliseconds(150), 50L * 1024 * 1024));
    }

    [Fact]
    public async Task Without_configuration_the_default_budget_applies()
    {
        using var provider = Services(("AlisCompliance:RuleBudget:AllocationLimitMegabytes", "300"));

        using var ruleSet = await CompileShippedAsync(provider);

        ruleSet.Budget.Should().Be(EvaluationBudget.Default with { MaxAllocatedBytes = 300L * 1024 * 1024 });
    }

    private static async Task<ComplianceRuleSet> CompileShippedAsync(IServiceProvider provider)
    {
        var rules = provider.GetRequiredService<ComplianceRules>();
        var shipped = await rules.ShippedAsync(CancellationToken.None);
        return rules.CompileWorkflows(shipped.Workflows);
    }

    [Theory]
    [InlineData("TimeLimitMilliseconds", "0")]
    [InlineData("TimeLimitMilliseconds", "-100")]
    [InlineData("TimeLimitMilliseconds", "to sekunder")]
    [InlineData("TimeLimitMilliseconds", "86400000")]
    [InlineData("AllocationLimitMegabytes", "0")]
    [InlineData("AllocationLimitMegabytes", "1000000")]
    public void A_non_positive_or_absurd_budget_stops_the_host_with_a_norwegian_message(string key, string value)
    {
        var configure = () => Services(($"AlisCompliance:RuleBudget:{key}", value));

        configure.Should().Throw<InvalidOperationException>()
            .WithMessage($"AlisCompliance:RuleBudget:{key}: '{value}' er ingen gyldig grense. Skriv et helt antall * fra 1 til *.");
    }

    [Fact]
    public void The_same_rules_parse_both_limits()
    {
        RuleBudgetSetting.Parse("2000", null, "t", "m", out var problem).Should().Be(EvaluationBudget.Default with { MaxTime = TimeSpan.FromSeconds(2) });
        problem.Should().BeNull();
        RuleBudgetSetting.Parse(null, "16385", "t", "m", out problem).Should().BeNull();
        problem.Should().Be($"m: '16385' er ingen gyldig grense. Skriv et helt antall MB fra 1 til 16{NorwegianFormat.ThousandsSeparator}384.");
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("AzureWebJobsStorage", "UseDevelopmentStorage=true"), .. settings.Select(setting => KeyValuePair.Create<string, string?>(setting.Key, setting.Value))])
            .Build();
        return new ServiceCollection().AddAlisCompliance(configuration).BuildServiceProvider();
    }
}
