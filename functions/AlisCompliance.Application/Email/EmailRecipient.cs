namespace AlisCompliance.Application.Email;

/// <summary>The leader an email goes to. Personal data: never logged.</summary>
public sealed record EmailRecipient(string LeaderId, string Name, string Address);
