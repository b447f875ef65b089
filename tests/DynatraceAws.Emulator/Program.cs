using System;
using System.Globalization;
using System.Linq;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Aws;
using DynatraceAws.Emulator.Aws.Organizations;
using DynatraceAws.Emulator.Capacity;
using DynatraceAws.Emulator.Dynatrace;

// Standalone: dotnet run --project tests/DynatraceAws.Emulator -- --port 8080 [--members 20] [--echo-requests]
//   [--dt-threads 10 --dt-queue 10] (the environment's request capacity) [--iam-writes-per-second 5] (IAM throttling per account)
var port = 8080;
var members = 0;
var echoRequests = args.Contains("--echo-requests");
int? threads = null;
var queue = 0;
double? iamWrites = null;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port") port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    if (args[i] == "--members") members = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    if (args[i] == "--dt-threads") threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    if (args[i] == "--dt-queue") queue = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    if (args[i] == "--iam-writes-per-second") iamWrites = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
}
var capacity = threads is { } k ? new DynatraceCapacity(k, queue) : null;

await using var host = await EmulatorHost.StartAsync(new EmulatorOptions
{
    Port = port, EchoRequests = echoRequests, DynatraceCapacity = capacity, IamWritesPerSecond = iamWrites,
});
var environmentUrl = host.BaseUrl.ToString().TrimEnd('/');
Console.WriteLine($"DynatraceAws emulator listening on {environmentUrl}");
if (echoRequests) Console.WriteLine("Every error answer echoes the request, headers and body: a hostile endpoint.");
if (capacity is not null) Console.WriteLine($"The environment serves {capacity.Threads} requests at once and queues {capacity.Queue}; beyond that, or after 10 s queued, 429.");
if (iamWrites is not null) Console.WriteLine($"IAM accepts {iamWrites} changing calls per second per account; beyond that, Throttling.");
Console.WriteLine($"Dynatrace token (all scopes): {DynatraceState.LocalToken}");
Console.WriteLine(
    $"Connect-DtEnvironment -EnvironmentUrl {environmentUrl} -Token (ConvertTo-SecureString '{DynatraceState.LocalToken}' -AsPlainText -Force) -EnvironmentId {host.Dynatrace.EnvironmentId}");
Console.WriteLine($"Classic access token (ReadConfig, WriteConfig): {DynatraceState.LocalApiToken}, at {environmentUrl}/e/{host.Dynatrace.EnvironmentId}");
Console.WriteLine($"OAuth client (all scopes): {DynatraceState.LocalClientId} / {DynatraceState.LocalClientSecret}, token endpoint {environmentUrl}{DynatraceState.TokenPath}");
var aws = host.Aws.DemoAccount;
Console.WriteLine($"AWS account {aws.AccountId} (IAM and STS on the same URL); set these for the AWS CLI or the module:");
Console.WriteLine($"  AWS_ACCESS_KEY_ID={aws.AccessKeyId}");
Console.WriteLine($"  AWS_SECRET_ACCESS_KEY={aws.SecretAccessKey}");
Console.WriteLine("  AWS_DEFAULT_REGION=us-east-1");
Console.WriteLine($"aws --endpoint-url {environmentUrl} iam list-roles");
if (members > 0)
{
    var ids = Enumerable.Range(1, members).Select(n => (200000000000L + n).ToString(CultureInfo.InvariantCulture)).ToArray();
    OrganizationMembers.Add(host, aws.AccountId, ids);
    Console.WriteLine($"{members} member accounts {ids[0]}..{ids[^1]}, each with {OrganizationMembers.AccessRole} trusting {aws.AccountId}.");
    host.Aws.Organization.Create(aws.AccountId);
    var workloads = host.Aws.Organization.AddOrganizationalUnit(EmulatedOrganization.RootId, "Workloads");
    foreach (var id in ids) host.Aws.Organization.AddAccount(workloads, id, "member-" + id[^3..]);
    Console.WriteLine($"They are in the OU Workloads ({workloads}) of the organization of {aws.AccountId}: aws --endpoint-url {environmentUrl} organizations list-accounts");
}
Console.WriteLine("Press Ctrl+C to stop.");
await host.WaitForShutdownAsync();
