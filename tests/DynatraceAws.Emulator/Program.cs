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
var aws = host.Aws.DemoAccount;
Console.WriteLine($"AWS account {aws.AccountId} (IAM and STS on the same URL); set these for the AWS CLI or the module:");
Console.WriteLine($"  AWS_ACCESS_KEY_ID={aws.AccessKeyId}");
Console.WriteLine($"  AWS_SECRET_ACCESS_KEY={aws.SecretAccessKey}");
Console.WriteLine("  AWS_DEFAULT_REGION=us-east-1");
Console.WriteLine($"aws --endpoint-url {environmentUrl} iam list-roles");
Console.WriteLine("Press Ctrl+C to stop.");
await host.WaitForShutdownAsync();
