namespace AlisCompliance.Application.Email;

/// <summary>Marks a record a Liquid template may read; <see cref="LiquidTemplates"/> registers exactly these.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class TemplateViewAttribute : Attribute;
