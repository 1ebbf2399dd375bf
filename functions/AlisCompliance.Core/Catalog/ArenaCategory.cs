namespace AlisCompliance.Core.Catalog;

/// <summary>The three kinds of service the regulation counts separately (seed 004, "Tjenestetid").</summary>
public enum ArenaCategory
{
    /// <summary>Åpen uselektert allmennpraksis.</summary>
    OpenGeneralPractice,

    /// <summary>Annen allmennmedisinsk tjeneste: nursing home, legevakt, KAD, health station, prison health …</summary>
    OtherGeneralPractice,

    /// <summary>Institusjonstjeneste (hospital).</summary>
    Institution,
}
