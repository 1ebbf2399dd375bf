namespace AlisCompliance.Application.Email;

/// <summary>
/// Titles and default advice by rule id prefix; the longest matching prefix wins, so a new rule in a known area
/// (SUP-…, VEI-…) is named by its area until it gets an entry of its own.
/// </summary>
public static class RuleWordings
{
    private const string SupervisionAction = "Avtal faste tider for veiledning med veileder og ALIS, og sett av tiden i timeplanen.";
    private const string VeilederAction = "Sørg for at ALIS har én kvalifisert veileder, og tilby veilederkurs ved behov.";
    private const string ServiceAction = "Gå gjennom tjenesteplanen med ALIS, og juster perioder eller stillingsprosent.";
    private const string GoalsAction = "Gå gjennom læringsmålene med ALIS og veileder i neste oppfølgingsmøte.";

    private static readonly (string Prefix, RuleWording Wording)[] Table =
    [
        ("SUP-ANNUAL-42H", new("veiledning under 42 timer", SupervisionAction)),
        ("SUP-MONTHLY-AVG", new("veiledningen i utdanningsåret ligger under snittet", SupervisionAction)),
        ("SUP-PACE", new("lenge siden siste veiledning", SupervisionAction)),
        ("SUP-INSTITUTION", new("ingen veiledning under institusjonstjeneste", "Avtal minst én samtale i måneden med veileder mens ALIS er i institusjonstjeneste.")),
        ("SUP-MINUTES", new("referat fra veiledning mangler", "Be veileder ferdigstille referatene i Kompetanseportalen.")),
        ("SUP-", new("individuell veiledning", SupervisionAction)),
        ("VEI-ONE-AT-A-TIME", new("ikke én veileder om gangen", "Sørg for at ALIS har nøyaktig én veileder til enhver tid, og registrer tildelingen.")),
        ("VEI-QUALIFIED", new("veileder er ikke kvalifisert", "Finn en veileder som er spesialist i allmennmedisin, eller søk om tidsbegrenset fritak.")),
        ("VEI-EXEMPTION-EXPIRING", new("veileders fritak går ut", "Søk om nytt fritak i tide, eller finn en veileder som er spesialist i allmennmedisin.")),
        ("VEI-COURSE", new("veileder mangler veilederkurs", "Meld veileder på veilederkurs; kommunen skal tilby det.")),
        ("VEI-WORKPLACE", new("veileder arbeider i en annen kommune", "Vurder en veileder på samme arbeidssted, eller sørg for faste, forutsigbare veiledningstider.")),
        ("VEI-", new("veileder", VeilederAction)),
        ("DL-TRANSITION", new("frist for overgangsordningen", "Snakk med ALIS om planen for å bli ferdig før fristen, og kontakt ALIS-kontoret ved behov.")),
        ("DL-CONVERSION", new("konvertering etter fristen", "Kontakt ALIS-kontoret om hvilken ordning ALIS faktisk er på.")),
        ("DL-", new("frist", "Kontakt ALIS-kontoret om fristen.")),
        ("DUR-TOTAL", new("tjenestetid", ServiceAction)),
        ("DUR-OPEN-PRACTICE", new("for lite tid i åpen uselektert allmennpraksis", ServiceAction)),
        ("DUR-OTHER-GP", new("for mye annen allmennmedisinsk tjeneste", ServiceAction)),
        ("DUR-INSTITUTION", new("for lite institusjonstjeneste", "Planlegg minst seks måneders institusjonstjeneste sammen med ALIS.")),
        ("DUR-", new("tjenestetid", ServiceAction)),
        ("GRP-GATHERINGS", new("få samlinger i gruppeveiledningen", "Sjekk med gruppeveilederen om samlinger mangler i registreringen, eller om ALIS trenger tid til å delta.")),
        ("GRP-", new("gruppeveiledning", "Sørg for at ALIS får plass i en veiledningsgruppe, helst mens ALIS er i åpen allmennpraksis.")),
        ("COV-ARENA-GOALS", new("læringsmål som ingen arena dekker", "Legg inn en læringsarena i planen som kan gi de manglende læringsmålene.")),
        ("GOAL-ASSESSMENT", new("godkjente læringsmål mangler anbefaling", "Sjekk at hvert godkjent læringsmål har anbefaling fra veileder og minst én supervisør, gitt før godkjenningen.")),
        ("GOAL-ARENA", new("læringsmål godkjent på en arena som ikke tilbyr det", "Sjekk arenaen i registreringen, kommunens arenatabell og grunnlaget for godkjenningen.")),
        ("GOAL-PROGRESS", new("få godkjente læringsmål", GoalsAction)),
        ("GOAL-", new("læringsmål", GoalsAction)),
        ("PLAN-INDIVIDUAL", new("individuell utdanningsplan mangler eller er gått ut", "Lag eller forleng den individuelle utdanningsplanen sammen med ALIS og veileder.")),
        ("PLAN-REVIEW", new("oppfølgingsmøte mangler", "Kall inn til halvårlig oppfølgingsmøte med ALIS og veileder.")),
        ("PLAN-", new("utdanningsplan", "Gå gjennom utdanningsplanen med ALIS og veileder.")),
        ("AGR-", new("ALIS-avtale mangler", "Inngå ALIS-avtale med ALIS og registrer den.")),
        ("MUN-REGISTERED", new("kommunen er ikke registrert utdanningsvirksomhet", "Kontakt Helsedirektoratet om registrering som utdanningsvirksomhet.")),
        ("ACT-EMNEKURS", new("emnekurs", "Legg til rette for at ALIS tar emnekursene som mangler.")),
        ("ACT-ALM063", new("praktiske prosedyrer (ALM-063)", "Legg til rette for at ALIS utfører og får signert prosedyrene som mangler.")),
        ("ACT-FELLESKONSULTASJON", new("felleskonsultasjon med veileder", "Avtal en felleskonsultasjon mellom ALIS og veileder.")),
        ("ACT-", new("læringsaktiviteter", "Legg til rette for aktivitetene ALIS mangler.")),
    ];

    private static readonly RuleWording Fallback =
        new("regel", "Gå gjennom saken med ALIS og veileder, og kontakt ALIS-kontoret ved spørsmål.");

    /// <summary>The wording for a rule id; a rule no prefix knows is titled by its id.</summary>
    public static RuleWording For(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        RuleWording? best = null;
        var bestLength = -1;
        foreach (var (prefix, wording) in Table)
        {
            if (prefix.Length > bestLength && ruleId.StartsWith(prefix, StringComparison.Ordinal))
            {
                best = wording;
                bestLength = prefix.Length;
            }
        }

        return best ?? Fallback with { Title = $"regel {ruleId}" };
    }
}
