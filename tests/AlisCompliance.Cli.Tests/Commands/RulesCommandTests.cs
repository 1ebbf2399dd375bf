using AlisCompliance.Tests.Shared;

namespace AlisCompliance.Cli.Tests.Commands;

public class RulesCommandTests
{
    [Fact]
    public async Task The_shipped_rules_validate_and_pass_their_tests()
    {
        var validate = await CliRun.RunAsync("rules", "validate", RepositoryRoot.Combine("rules"));
        var test = await CliRun.RunAsync("rules", "test", RepositoryRoot.Combine("rules"));

        validate.ExitCode.Should().Be(0, validate.Error);
        validate.Output.Should().Contain("Regelsettet er gyldig");
        test.ExitCode.Should().Be(0, test.Error);
        test.Output.Should().Contain("0 avvik, 0 andre feil");
    }

    [Fact]
    public async Task A_rule_that_does_not_compile_is_reported_with_file_line_column_and_rule()
    {
        using var rules = TempFolder.CopyOf(RepositoryRoot.Combine("rules"));
        var file = rules.File("workflows", "plan.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("alis.MunicipalityIsRegisteredOn(asOf)", "alis.MunicipalityIsRegistredOn(asOf)", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("rules", "validate", rules.Path);

        run.ExitCode.Should().Be(2);
        run.Error.Should().MatchRegex(@"plan\.json\(\d+,\d+\): MUN-REGISTERED Expression: error CS1061: .*MunicipalityIsRegistredOn");
    }

    [Fact]
    public async Task A_folder_that_is_not_a_rules_folder_says_what_is_missing_in_norwegian()
    {
        using var rules = TempFolder.CopyOf(RepositoryRoot.Combine("rules"));
        File.Delete(rules.File("catalog", "arena-types.json"));
        using var empty = new TempFolder();

        var missingFile = await CliRun.RunAsync("rules", "validate", rules.Path);
        var notRules = await CliRun.RunAsync("check", RepositoryRoot.Combine("samples", "asnes"), "--rules", empty.Path);

        missingFile.ExitCode.Should().Be(2);
        missingFile.Error.Should().Contain("Fant ikke").And.Contain("arena-types.json").And.Contain("En regelmappe har workflows/, catalog/");
        notRules.ExitCode.Should().Be(2);
        notRules.Error.Should().Contain("Fant ikke").And.Contain("goals.json").And.NotContain("Could not find");
    }

    [Fact]
    public async Task A_threshold_change_that_breaks_an_example_fails_the_rule_tests()
    {
        using var rules = TempFolder.CopyOf(RepositoryRoot.Combine("rules"));
        var file = rules.File("workflows", "supervision.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"Expression\": \"42.0\"", "\"Expression\": \"40.0\"", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("rules", "test", rules.Path);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("SUP-ANNUAL-42H ga pass, forventet violation");
    }

    [Fact]
    public async Task Dangerous_code_in_a_rule_is_refused_before_anything_runs()
    {
        using var rules = TempFolder.CopyOf(RepositoryRoot.Combine("rules"));
        var file = rules.File("workflows", "plan.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"alis.MunicipalityIsRegisteredOn(asOf)\"", "\"System.IO.File.Exists(\\\"/etc/passwd\\\")\"", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("rules", "test", rules.Path);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("MUN-REGISTERED").And.Contain("System.IO.File");
    }

    [Fact]
    public async Task An_edit_that_leaves_the_common_subset_is_a_warning_in_validate()
    {
        using var rules = TempFolder.CopyOf(RepositoryRoot.Combine("rules"));
        var file = rules.File("workflows", "plan.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("alis.AlisAgreementSignedOn.Value <= asOf", "alis.AlisAgreementSignedOn <= asOf", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("rules", "validate", rules.Path);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().MatchRegex(@"plan\.json\(\d+,\d+\): AGR-ALIS-AVTALE Expression: warning RULE012: .*alis\.AlisAgreementSignedOn <= asOf.*RulesEngine");
        run.Output.Should().Contain("Regelsettet er gyldig").And.Contain("1 advarsel: reglene virker, men les advarselen over.");
    }

    [Fact]
    public async Task A_rules_folder_without_workflows_is_an_error()
    {
        using var rules = TempFolder.CopyOf(RepositoryRoot.Combine("rules"));
        foreach (var file in Directory.EnumerateFiles(rules.File("workflows"), "*.json"))
        {
            File.Delete(file);
        }

        var run = await CliRun.RunAsync("rules", "validate", rules.Path);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("error RULE013").And.Contain("Regelmappen har ingen regler");
    }

    [Fact]
    public async Task A_rule_that_throws_is_reported_once_and_not_also_as_passing()
    {
        using var rules = TempFolder.RulesWithMunicipalityRule("1 / (alis.DaysInTraining(asOf) - alis.DaysInTraining(asOf)) == 0");

        var run = await CliRun.RunAsync("rules", "test", rules.Path);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("MUN-REGISTERED kastet unntak").And.NotContain("MUN-REGISTERED ga ");
    }
}
