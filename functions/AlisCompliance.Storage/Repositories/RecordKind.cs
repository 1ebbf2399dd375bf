namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The kinds of row in an ALIS partition: the ALIS itself and one kind per list of its records. <see cref="Name"/> is the
/// RowKey segment, <see cref="ListField"/> the array in the records format.
/// </summary>
public sealed record RecordKind(string Name, string? ListField)
{
    public static readonly RecordKind Alis = new("alis", null);
    public static readonly RecordKind Period = new("period", "servicePeriods");
    public static readonly RecordKind Leave = new("leave", "leave");
    public static readonly RecordKind Assignment = new("assignment", "veilederAssignments");
    public static readonly RecordKind Session = new("session", "supervisionSessions");
    public static readonly RecordKind Group = new("group", "groupSupervision");
    public static readonly RecordKind Goal = new("goal", "goals");
    public static readonly RecordKind Course = new("course", "courses");
    public static readonly RecordKind Procedure = new("procedure", "procedures");
    public static readonly RecordKind Consultation = new("consultation", "jointConsultations");
    public static readonly RecordKind Review = new("review", "planReviews");

    /// <summary>The list kinds, in the order the records format writes them.</summary>
    public static IReadOnlyList<RecordKind> Lists { get; } = [Period, Leave, Assignment, Session, Group, Goal, Course, Procedure, Consultation, Review];

    public static IReadOnlyList<RecordKind> All { get; } = [Alis, .. Lists];

    public static RecordKind? FromName(string name) => All.FirstOrDefault(kind => string.Equals(kind.Name, name, StringComparison.Ordinal));
}
