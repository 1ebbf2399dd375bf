using System.Globalization;

namespace AlisCompliance.Benchmarks;

/// <summary>The options of <c>bench</c>: <c>[--alis N] [--seed S] [--full-history] [--profile]</c>.</summary>
internal sealed record BenchArguments(int AlisCount, int Seed, bool FullHistory, bool Profile)
{
    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var defaults = new Data.GeneratorOptions();
        var result = new BenchArguments(defaults.AlisCount, defaults.Seed, FullHistory: false, Profile: false);
        for (var index = 0; index < args.Count; index++)
        {
            result = args[index] switch
            {
                "--alis" => result with { AlisCount = Number(args, ++index, minimum: 1) },
                "--seed" => result with { Seed = Number(args, ++index, minimum: 0) },
                "--full-history" => result with { FullHistory = true },
                "--profile" => result with { Profile = true },
                var unknown => throw new ArgumentException($"Unknown option '{unknown}'. Usage: bench [--alis N] [--seed S] [--full-history] [--profile]", nameof(args)),
            };
        }

        return result;
    }

    private static int Number(IReadOnlyList<string> args, int index, int minimum) =>
        index < args.Count && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"{args[index - 1]} needs a whole number ≥ {minimum}.", nameof(args));
}
