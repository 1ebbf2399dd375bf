using System.Globalization;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Measures an expression's length, bracket nesting, lambda nesting and number of terms in one pass over
/// its characters, with explicit counters and no recursion, so no input can exhaust the stack here.
/// String and character literals are skipped; the brackets of interpolation holes count as nesting.
/// </summary>
internal static class ExpressionSizeScanner
{
    /// <returns>Where the first limit is exceeded and what to simplify (Norwegian), or null when the expression is within every limit.</returns>
    public static (int Offset, string Message)? Check(string text)
    {
        if (text.Length > ExpressionLimits.MaxLength)
        {
            return (0, $"Uttrykket er {Number(text.Length)} tegn langt (høyst {Number(ExpressionLimits.MaxLength)}). "
                + "Forenkle det: del det opp i LocalParams med hvert sitt navn.");
        }

        // lambdasPerBracket[i] is how many lambdas have started at nesting level i and are still open.
        var lambdasPerBracket = new int[ExpressionLimits.MaxNestingDepth + 2];
        var depth = 0;
        var lambdaDepth = 0;
        var lambdas = 0;
        var terms = 1;

        // The nesting depth at which each open interpolation hole ({…} inside $"…") started, and whether its string is verbatim.
        var holes = new Stack<(int Depth, bool Verbatim)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                if (IsInterpolatedRaw(text, i))
                {
                    return (i, "Interpolerte rå strenger ($\"\"\"…\"\"\") kan ikke brukes i regler. Forenkle det: skriv $\"…\" i stedet.");
                }

                var literal = SkipLiteral(text, i);
                if (literal.HoleIsVerbatim is { } verbatimHole)
                {
                    holes.Push((depth + 1, verbatimHole));
                }

                i = literal.Next;
                continue;
            }

            if (c == '}' && holes.Count > 0 && holes.Peek().Depth == depth)
            {
                // The hole ends and its string goes on.
                var (_, verbatim) = holes.Pop();
                lambdaDepth -= lambdasPerBracket[depth];
                depth--;
                var rest = SkipStringBody(text, i + 1, '"', verbatim, interpolated: true);
                if (rest.HoleIsVerbatim is not null)
                {
                    holes.Push((depth + 1, verbatim));
                }

                i = rest.Next;
                continue;
            }

            switch (c)
            {
                case '(' or '[' or '{':
                    depth++;
                    if (depth > ExpressionLimits.MaxNestingDepth)
                    {
                        return (i, $"Uttrykket har mer enn {Number(ExpressionLimits.MaxNestingDepth)} parenteser inni hverandre. "
                            + "Forenkle det: fjern overflødige parenteser eller del det opp i LocalParams.");
                    }

                    lambdasPerBracket[depth] = 0;
                    break;
                case ')' or ']' or '}':
                    if (depth > 0)
                    {
                        lambdaDepth -= lambdasPerBracket[depth];
                        depth--;
                    }

                    break;
                case ',':
                    // A comma ends the lambdas that started as this argument.
                    lambdaDepth -= lambdasPerBracket[depth];
                    lambdasPerBracket[depth] = 0;
                    terms++;
                    break;
                case '=' when i + 1 < text.Length && text[i + 1] == '>':
                    lambdasPerBracket[depth]++;
                    lambdaDepth++;
                    lambdas++;
                    if (lambdaDepth > ExpressionLimits.MaxLambdaDepth)
                    {
                        return (i, $"Uttrykket har mer enn {Number(ExpressionLimits.MaxLambdaDepth)} lambdaer (x => …) inni hverandre. "
                            + "Forenkle det: regn ut de indre delene i egne LocalParams.");
                    }

                    if (lambdas > ExpressionLimits.MaxLambdas)
                    {
                        return (i, $"Uttrykket har mer enn {Number(ExpressionLimits.MaxLambdas)} lambdaer (x => …). "
                            + "Forenkle det: regn ut delene i egne LocalParams.");
                    }

                    i += 2;
                    continue;
                case '&' or '|' or '+' or '-' or '*' or '/' or '%' or '?' or '<' or '>' or '=' or '!' or '^':
                    if (IsOperatorStart(text, i))
                    {
                        terms++;
                    }

                    break;
            }

            if (terms > ExpressionLimits.MaxTerms)
            {
                return (i, $"Uttrykket har mer enn {Number(ExpressionLimits.MaxTerms)} ledd. "
                    + "Forenkle det: del det opp i LocalParams, eller bruk en liste med Contains/Any i stedet for mange || og &&.");
            }

            i++;
        }

        return null;
    }

    // Counts "&&" or "<=" once, not once per character.
    private static bool IsOperatorStart(string text, int index) =>
        index == 0 || text[index - 1] is not ('&' or '|' or '+' or '-' or '*' or '/' or '%' or '?' or '<' or '>' or '=' or '!' or '^');

    /// <returns>
    /// The index just after the literal that starts at <paramref name="start"/>, or of the '{' that opens an
    /// interpolation hole, with HoleIsVerbatim telling whether that string is verbatim.
    /// </returns>
    private static (int Next, bool? HoleIsVerbatim) SkipLiteral(string text, int start)
    {
        var quote = text[start];
        var quotes = 1;
        while (quote == '"' && start + quotes < text.Length && text[start + quotes] == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            // A raw string literal ends at the same number of quotes it started with.
            var end = text.IndexOf(new string('"', quotes), start + quotes, StringComparison.Ordinal);
            return (end < 0 ? text.Length : end + quotes, null);
        }

        if (quotes == 2)
        {
            return (start + 2, null);
        }

        return quote == '"'
            ? SkipStringBody(text, start + 1, quote, IsVerbatim(text, start), IsInterpolated(text, start))
            : SkipStringBody(text, start + 1, quote, verbatim: false, interpolated: false);
    }

    private static (int Next, bool? HoleIsVerbatim) SkipStringBody(string text, int from, char quote, bool verbatim, bool interpolated)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (!verbatim && c == '\\')
            {
                i++;
            }
            else if ((verbatim && c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                     || (interpolated && c is '{' or '}' && i + 1 < text.Length && text[i + 1] == c))
            {
                i++;
            }
            else if (c == quote)
            {
                return (i + 1, null);
            }
            else if (interpolated && c == '{')
            {
                // The hole is code: the scanner goes on from here and counts its brackets.
                return (i, verbatim);
            }
        }

        return (text.Length, null);
    }

    private static bool IsInterpolatedRaw(string text, int quoteIndex) =>
        IsInterpolated(text, quoteIndex) && quoteIndex + 2 < text.Length && text[quoteIndex + 1] == '"' && text[quoteIndex + 2] == '"';

    private static bool IsVerbatim(string text, int quoteIndex) =>
        (quoteIndex >= 1 && text[quoteIndex - 1] == '@') || (quoteIndex >= 2 && text[quoteIndex - 2] == '@' && text[quoteIndex - 1] == '$');

    private static bool IsInterpolated(string text, int quoteIndex) =>
        (quoteIndex >= 1 && text[quoteIndex - 1] == '$') || (quoteIndex >= 2 && text[quoteIndex - 2] == '$' && text[quoteIndex - 1] == '@');

    // Norwegian digit grouping (10 000) without culture data, which the service may run without.
    private static string Number(int value) => value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ');
}
