namespace AlisCompliance.Core.Records;

/// <summary>Which specialist scheme the ALIS trains under.</summary>
public enum TrainingScheme
{
    /// <summary>The scheme in force since 1 March 2019.</summary>
    New,

    /// <summary>The old scheme (overgangsordningen); must finish by the transition deadline.</summary>
    Old,

    /// <summary>Started on the old scheme and converted to the new one.</summary>
    Converted,
}
