using NodaTime;

namespace AlisCompliance.Core.Records;

public enum ConsultationPartner
{
    Veileder,
    Supervisor,
}

/// <summary>A joint consultation (felleskonsultasjon) with the veileder or a supervisor.</summary>
public sealed record JointConsultation(string Id, LocalDate Date, ConsultationPartner With, string? ArenaId);
