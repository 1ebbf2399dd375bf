namespace AlisCompliance.Application.Email;

/// <summary>What the alert templates print: every value already worded and formatted in Norwegian.</summary>
[TemplateView]
internal sealed record AlertEmailView(
    string Subject,
    string StatusLabel,
    string StatusColour,
    string Heading,
    string AlisLine,
    string WhatHeading,
    string What,
    string? LegalLabel,
    string? LegalReference,
    string? LeaderAction,
    string? Deadline,
    string StatusPageUrl,
    string StatusPageText,
    string Footer);
