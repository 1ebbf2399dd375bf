namespace AlisCompliance.Application.Hosting;

/// <summary>The service's own settings (configuration section <c>AlisCompliance</c>).</summary>
public sealed class ServiceOptions
{
    public const string Section = "AlisCompliance";

    /// <summary>Where leaders reach the service, for links in emails (e.g. <c>https://alis.kommune.no</c>).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:7071");

    /// <summary>The status page of a municipality, as a leader opens it.</summary>
    public Uri StatusPage(string municipalityId) =>
        new(PublicBaseUrl, $"{FunctionBindings.RoutePrefix}/municipalities/{Uri.EscapeDataString(municipalityId)}/status?format=html");
}
