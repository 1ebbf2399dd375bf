namespace AlisCompliance.Core.Rules;

/// <summary>Levenshtein distance, used to suggest the intended field name for a typo.</summary>
internal static class EditDistance
{
    public static int Between(string first, string second)
    {
        var previous = new int[second.Length + 1];
        var current = new int[second.Length + 1];
        for (var j = 0; j <= second.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= first.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= second.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToUpperInvariant(first[i - 1]) == char.ToUpperInvariant(second[j - 1]) ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[second.Length];
    }

    public static string? ClosestMatch(string name, IEnumerable<string> candidates, int maxDistance = 2) =>
        candidates
            .Select(candidate => (candidate, distance: Between(name, candidate)))
            .Where(match => match.distance <= maxDistance)
            .OrderBy(match => match.distance)
            .Select(match => match.candidate)
            .FirstOrDefault();
}
