using AlisCompliance.Benchmarks;
using AlisCompliance.Benchmarks.Bdn;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/AlisCompliance.Benchmarks -- bench [--alis N] [--seed S] [--full-history] [--profile]
// dotnet run -c Release --project bench/AlisCompliance.Benchmarks -- bdn [BenchmarkDotNet options, default --filter *]
switch (args.FirstOrDefault())
{
    case "bench":
        try
        {
            return BenchCommand.Run(BenchArguments.Parse(args[1..]));
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }

    case "dump":
        return DumpCommand.Run(args[1..]);

    case "bdn":
        var options = args.Length > 1 ? args[1..] : ["--filter", "*"];
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(options, new BenchConfig());
        return summaries.Any(summary => summary.HasCriticalValidationErrors) ? 1 : 0;

    default:
        await Console.Error.WriteLineAsync("""
            Usage:
              bench [--alis N] [--seed S] [--full-history] [--profile]
                  compile the rules, evaluate N synthetic ALIS (default 10000) and compare with the targets
              dump --out PATH [--alis N] [--as-of YYYY-MM-DD] [--full-history]
                  write every finding of one evaluation, to compare two builds with diff
              bdn [BenchmarkDotNet options]
                  BenchmarkDotNet: Compile, Evaluate1000Alis, FactsOnly1000Alis (default --filter *)
            """);
        return 2;
}
