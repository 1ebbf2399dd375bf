using Microsoft.Playwright;

namespace AlisCompliance.Application.Tests.Browser;

/// <summary>
/// Debian's headless chromium driven by Playwright, shared by the browser tests. Nothing is downloaded or installed
/// here: infra/local/install.sh installs chromium, and without it the tests fail saying so.
/// </summary>
public sealed class DebianChromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Debian's chromium is missing ({ExecutablePath}). Run infra/local/install.sh, or `apt-get install chromium`; the browser tests never download a browser.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
