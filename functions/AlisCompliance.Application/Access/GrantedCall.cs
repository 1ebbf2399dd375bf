namespace AlisCompliance.Application.Access;

/// <summary>What the gate hands a use case once a request may run: who called, and the body it sent (empty for a GET).</summary>
public sealed record GrantedCall(Caller Caller, ReadOnlyMemory<byte> Body);
