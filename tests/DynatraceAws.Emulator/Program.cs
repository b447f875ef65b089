using System;
using System.Globalization;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Dynatrace;

// Standalone: dotnet run --project tests/DynatraceAws.Emulator -- --port 8080
var port = 8080;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port") port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
}

await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = port });
var environmentUrl = host.BaseUrl.ToString().TrimEnd('/');
Console.WriteLine($"DynatraceAws emulator listening on {environmentUrl}");
Console.WriteLine($"Dynatrace token (all scopes): {DynatraceState.LocalToken}");
Console.WriteLine(
    $"Connect-DtEnvironment -EnvironmentUrl {environmentUrl} -Token (ConvertTo-SecureString '{DynatraceState.LocalToken}' -AsPlainText -Force)");
Console.WriteLine("Press Ctrl+C to stop.");
await host.WaitForShutdownAsync();
