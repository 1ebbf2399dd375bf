using System.Text;

namespace AlisCompliance.Core.Rules;

/// <summary>Splits an ErrorMessage into literal text and $(expression) placeholders.</summary>
internal static class ErrorMessageTemplate
{
    public static IReadOnlyList<ErrorMessagePart> Parse(string template, out (int Offset, string Message)? error)
    {
        var parts = new List<ErrorMessagePart>();
        var literal = new StringBuilder();
        var literalStart = 0;
        var index = 0;
        error = null;
        while (index < template.Length)
        {
            if (template[index] != '$' || index + 1 >= template.Length || template[index + 1] != '(')
            {
                literal.Append(template[index++]);
                continue;
            }

            var start = index + 2;
            var end = FindClosingParenthesis(template, start);
            if (end < 0)
            {
                error = (index, "Plassholderen '$(' mangler sin avsluttende ')'.");
                return parts;
            }

            if (string.IsNullOrWhiteSpace(template[start..end]))
            {
                error = (index, "Plassholderen '$()' er tom: skriv et uttrykk inni, f.eks. $(hours).");
                return parts;
            }

            if (literal.Length > 0)
            {
                parts.Add(new ErrorMessagePart(literal.ToString(), literalStart, false));
                literal.Clear();
            }

            parts.Add(new ErrorMessagePart(template[start..end], start, true));
            index = end + 1;
            literalStart = index;
        }

        if (literal.Length > 0)
        {
            parts.Add(new ErrorMessagePart(literal.ToString(), literalStart, false));
        }

        return parts;
    }

    private static int FindClosingParenthesis(string text, int start)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"' or '\'':
                    i = SkipQuoted(text, i);
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return i;
            }
        }

        return -1;
    }

    // Parentheses inside string and char literals do not count: $(name.Replace(")", "")) is one placeholder.
    private static int SkipQuoted(string text, int quoteIndex)
    {
        var quote = text[quoteIndex];
        for (var i = quoteIndex + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        return text.Length;
    }
}
