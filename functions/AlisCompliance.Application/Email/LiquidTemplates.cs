using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace AlisCompliance.Application.Email;

/// <summary>
/// The Liquid templates embedded in this assembly (Email/Templates, Digest/Templates, Status/Templates), parsed once.
/// HTML is rendered with an HTML encoder, so every value a template prints is encoded unless the template says
/// otherwise; Norwegian letters stay readable (æ, not &amp;#xE6;).
/// </summary>
internal static class LiquidTemplates
{
    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TemplateOptions Options = CreateOptions();

    public static string RenderHtml(string name, object model) => Render(name, model, Html);

    public static string RenderText(string name, object model) => Render(name, model, NullEncoder.Default);

    private static string Render(string name, object model, TextEncoder encoder)
    {
        var template = Parsed.GetOrAdd(name, Load);
        var context = new TemplateContext(model, Options);
        return template.Render(context, encoder);
    }

    private static IFluidTemplate Load(string name)
    {
        var assembly = typeof(LiquidTemplates).Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Template '{name}' is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template '{name}' does not parse: {error}");
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;

        // Views are plain records made for the templates, nothing else is reachable from a template.
        foreach (var type in typeof(LiquidTemplates).Assembly.GetTypes())
        {
            if (type.IsDefined(typeof(TemplateViewAttribute), inherit: false))
            {
                options.MemberAccessStrategy.Register(type);
            }
        }

        return options;
    }
}
