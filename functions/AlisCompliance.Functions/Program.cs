using AlisCompliance.Application.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Every HTTP trigger is AuthorizationLevel.Anonymous: a function key is one shared secret per function that says
// nothing about who calls or for which municipality, and a leader opening the link in an alert on a phone has none.
// Identity is App Service Authentication's (Easy Auth, AlisCompliance:Access:EasyAuth) or a configured key, and every
// HTTP function passes HttpFunctionGate (default deny, AccessTable) before its use case, whatever the platform does.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddAlisCompliance(builder.Configuration);
await builder.Build().RunAsync();
