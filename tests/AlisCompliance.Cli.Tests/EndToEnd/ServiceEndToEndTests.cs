using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AlisCompliance.Application.Alerts;
using AlisCompliance.Application.Digest;
using AlisCompliance.Application.Email;
using AlisCompliance.Application.Tests.Email;
using AlisCompliance.Cli.Serve;
using AlisCompliance.Cli.Tests.Serve;
using AlisCompliance.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace AlisCompliance.Cli.Tests.EndToEnd;

/// <summary>Its own Azurite: the service uses the real table and queue names, and this scenario owns them.</summary>
public sealed class EndToEndAzuriteFixture : Storage.Tests.Infrastructure.AzuriteFixture;

[CollectionDefinition(Name)]
public sealed class EndToEndAzurite : ICollectionFixture<EndToEndAzuriteFixture>
{
    public const string Name = "Azurite: end to end";
}

/// <summary>
/// The whole service as a municipality meets it: Azurite, <c>alis serve</c> with the real use cases, and a real SMTP
/// server on loopback. The clock is fixed at 23.11.2026 (the sample's date), so the findings are the README's.
/// </summary>
[Collection(EndToEndAzurite.Name)]
public sealed class ServiceEndToEndTests(EndToEndAzuriteFixture azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Ingested_records_become_alert_emails_once_each_a_correction_one_resolved_email_and_a_digest_once_a_week()
    {
        await using var smtp = new LoopbackSmtpServer();
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        var crashOnce = new CrashAfterSendingFirstResolved(clock);
        await using var serve = await StartAsync(smtp, clock, crashOnce);
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };
        var sample = await File.ReadAllTextAsync(RepositoryRoot.Combine("samples", "asnes", "asnes.json"));

        // 1. The municipality's system sends its records: every finding of the sample is a new alert, emailed once.
        var accepted = await PostRecordsAsync(http, sample);
        accepted.GetProperty("alisChanged").GetInt32().Should().Be(10);
        var alerts = await WaitForMailsAsync(smtp, 13);
        alerts.Select(mail => mail.Message.MessageId).Should().OnlyHaveUniqueItems();
        alerts.Should().OnlyContain(mail => mail.Message.HtmlBody != null && mail.Message.TextBody != null);
        alerts.Count(mail => (mail.Message.Subject ?? string.Empty).StartsWith("Brudd:", StringComparison.Ordinal)).Should().Be(2);
        // alis-02's supervision is one warning (SUP-MONTHLY-AVG: the training year's average), not two: her sessions are
        // monthly, so SUP-PACE (days without supervision) stays quiet; her second group year with 8 gatherings is an info.
        alerts.Count(mail => (mail.Message.Subject ?? string.Empty).StartsWith("Advarsel:", StringComparison.Ordinal)).Should().Be(8);
        var supervision = alerts.Single(mail => mail.Message.Subject == "Brudd: veiledning under 42 timer — alis-02");
        supervision.Recipients.Should().Equal("siri.nordby@example.no");
        supervision.Message.TextBody!.Should().Contain("Magnus Bjørneby").And.Contain("Spesialistforskriften § 25");

        // 2. The same file again changes nothing and alerts nobody.
        (await PostRecordsAsync(http, sample)).GetProperty("alisChanged").GetInt32().Should().Be(0);

        // 3. A correction fixes alis-09's veileder gap: exactly one "resolved" email, even though the first sender
        //    "crashed" right after the server accepted it (the retry finds the claim and does not send again).
        await PostRecordsAsync(http, CloseAlis09VeilederGap(sample));
        var afterCorrection = await WaitForMailsAsync(smtp, 14);
        afterCorrection.Where(mail => (mail.Message.Subject ?? string.Empty).StartsWith("Løst:", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Message.Subject!.Should().EndWith("alis-09");
        crashOnce.Crashed.Should().BeTrue();
        await Task.Delay(TimeSpan.FromSeconds(2));
        smtp.Received.Should().HaveCount(14, "the retry after the crash must not send the resolved alert again");

        // 4. The weekly digest, run twice in the same ISO week: one per leader of the municipality.
        clock.Reset(Instant.FromUtc(2026, 11, 30, 6, 5)); // Monday 07:05 in Oslo
        var digest = serve.Services.GetRequiredService<WeeklyDigest>();
        (await digest.RunAsync(CancellationToken.None)).Should().Be(1);
        (await digest.RunAsync(CancellationToken.None)).Should().Be(0);
        var digests = smtp.Received.Where(mail => (mail.Message.Subject ?? string.Empty).Contains("uke 49", StringComparison.Ordinal)).ToList();
        digests.SelectMany(mail => mail.Recipients).Should().BeEquivalentTo("siri.nordby@example.no", "geir.ove.haugli@example.no");
        digests.Should().OnlyContain(mail => mail.Message.BodyParts.OfType<MimePart>().Any(part => part.ContentType.MimeType == "image/png"));

        // 5. The link in the leader's email opens her municipality's status page, with what is still open; the same link
        //    is refused to a leader of another municipality, who learns nothing from it.
        var link = StatusLink(supervision.Message.TextBody!);
        link.Should().Be("https://alis.asnes.kommune.no/api/municipalities/3417/status?format=html");
        using var asLeaderOfA = await GetAsync(http, link, TestCallers.LeaderA);
        using var asLeaderOfB = await GetAsync(http, link, TestCallers.LeaderB);
        asLeaderOfA.StatusCode.Should().Be(HttpStatusCode.OK);
        (await asLeaderOfA.Content.ReadAsStringAsync()).Should().Contain("alis-02").And.Contain("Brudd").And.NotContain("api/municipalities/3401");
        asLeaderOfB.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await asLeaderOfB.Content.ReadAsStringAsync()).Should().Be(Application.Hosting.ErrorAnswers.Forbidden.Body);
    }

    private static string StatusLink(string text) =>
        System.Text.RegularExpressions.Regex.Match(text, @"https://alis\.asnes\.kommune\.no/\S+").Value;

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string link, TestKey key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(link).PathAndQuery.TrimStart('/'), UriKind.Relative));
        request.Headers.Add(Application.Access.AccessKeys.Header, key.Key);
        return await http.SendAsync(request);
    }

    private static async Task<JsonElement> PostRecordsAsync(HttpClient http, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/municipalities/3417/records", UriKind.Relative))
        {
            Content = new StringContent(json, MediaTypeHeaderValue.Parse("application/json")),
        };
        request.Headers.Add(Application.Access.AccessKeys.Header, TestCallers.IngestA.Key);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<IReadOnlyList<LoopbackSmtpServer.ReceivedMail>> WaitForMailsAsync(LoopbackSmtpServer smtp, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (smtp.Received.Count < count)
        {
            await Task.Delay(200, timeout.Token);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
        smtp.Received.Should().HaveCount(count, "no more mails than expected may arrive");
        return [.. smtp.Received];
    }

    private async Task<RunningServe> StartAsync(LoopbackSmtpServer smtp, FakeClock clock, CrashAfterSendingFirstResolved crash)
    {
        await ServeRun.ClearQueuesAsync(azurite.ConnectionString);
        var options = ServeRun.Options(azurite.ConnectionString, drain: false) with
        {
            Settings = new Dictionary<string, string?>(ServeRun.Options(azurite.ConnectionString, drain: false).Settings, StringComparer.Ordinal) // the test callers' keys
            {
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Smtp:FromAddress"] = "alis-kontroll@asnes.kommune.no",
                ["AlisCompliance:PublicBaseUrl"] = "https://alis.asnes.kommune.no",
                ["AlisCompliance:RulesPath"] = RepositoryRoot.Combine("rules"),
            },
        };
        var app = ServeHost.Build(options, configureServices: services =>
        {
            services.AddSingleton<IClock>(clock);
            services.AddSingleton(provider => new SmtpMailSender(
                provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmtpOptions>>(),
                provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SmtpMailSender>>()));
            services.AddSingleton<IMailSender>(provider => crash.Around(provider.GetRequiredService<SmtpMailSender>()));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningServe(app, new Uri(address + "/"));
    }

    private static string CloseAlis09VeilederGap(string json)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var alis = root["alis"]!.AsArray().Single(node => (string?)node!["id"] == "alis-09")!;
        alis["veilederAssignments"]!.AsArray().Single(node => (string?)node!["id"] == "a09-vtid-2")!["from"] = "2026-04-01";
        return root.ToJsonString();
    }

    private sealed record RunningServe(WebApplication App, Uri BaseAddress) : IAsyncDisposable
    {
        public IServiceProvider Services => App.Services;

        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    /// <summary>
    /// The fault between send and record: the first "resolved" mail reaches the server, then the sender dies before
    /// DeliverAlert can record it (a cancellation, which skips every clean-up, as a killed process would). The clock
    /// moves past the claim, as it would while the host restarts.
    /// </summary>
    private sealed class CrashAfterSendingFirstResolved(FakeClock clock)
    {
        public FakeClock Clock => clock;

        public bool Crashed { get; private set; }

        public IMailSender Around(IMailSender inner) => new Sender(this, inner);

        private sealed class Sender(CrashAfterSendingFirstResolved owner, IMailSender inner) : IMailSender
        {
            public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
            {
                await inner.SendAsync(message, cancellationToken);
                if (!owner.Crashed && message.Subject?.StartsWith("Løst:", StringComparison.Ordinal) == true)
                {
                    owner.Crashed = true;
                    owner.Clock.Advance(DeliverAlert.Lease + Duration.FromSeconds(1));
                    throw new OperationCanceledException("the host died after the server accepted the mail");
                }
            }
        }
    }
}
