using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlisCompliance.Application.Email;

/// <summary>Registers <see cref="SmtpMailSender"/> as the <see cref="IMailSender"/>, configured from the section <c>Smtp</c>.</summary>
public static class SmtpServiceCollectionExtensions
{
    public static IServiceCollection AddSmtpMailSender(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.SectionName))
            .Validate(options => !string.IsNullOrWhiteSpace(options.Host), "Smtp:Host is required.")
            .Validate(options => options.Port is > 0 and <= 65535, "Smtp:Port must be between 1 and 65535.")
            .Validate(options => MimeKit.MailboxAddress.TryParse(options.FromAddress, out _), "Smtp:FromAddress must be an email address.")
            .Validate(options => options.Timeout > TimeSpan.Zero, "Smtp:Timeout must be positive.");
        services.AddSingleton<IMailSender, SmtpMailSender>();
        return services;
    }
}
