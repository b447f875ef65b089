using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Organizations;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Tests.Aws.Model;
using DynatraceAws.Core.Tests.Organizations;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator.Aws;
using Xunit;
using Xunit.Abstractions;

namespace DynatraceAws.Core.Tests.Aws.Organizations.Model;

/// <summary>
/// The Organizations client and the emulator against the botocore Organizations model
/// (shared/contracts/aws/organizations-2016-11-28.service-2.json): every request the client sends
/// over a walk of a 60-account organization (every page, every operation, the errors too) is valid
/// input, and every answer the emulator gives is valid output or a modeled error of its operation.
/// </summary>
public sealed class OrganizationsModelConformanceTests : EmulatorTest
{
    private static readonly BotocoreModel Model = BotocoreModel.Organizations;
    private readonly ITestOutputHelper _output;

    public OrganizationsModelConformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Every_request_of_the_client_and_every_answer_of_the_emulator_is_valid_under_the_model()
    {
        var tree = OrganizationTree.Build(Emulator);
        using var recorder = new Recorder();
        var client = Client(recorder, tree.Management);

        await client.DescribeOrganizationAsync(CancellationToken.None);
        var root = Assert.Single(await client.ListRootsAsync(CancellationToken.None));
        await client.ListOrganizationalUnitsForParentAsync(root.Id, CancellationToken.None);
        await client.ListAccountsForParentAsync(tree.Units["Prod"], CancellationToken.None);
        await client.ListAccountsAsync(CancellationToken.None);
        await Assert.ThrowsAsync<OrganizationsException>(() => client.ListAccountsForParentAsync("ou-emu1-99999999", CancellationToken.None));
        await Assert.ThrowsAsync<OrganizationsException>(() =>
            Client(recorder, Emulator.Aws.AddAccount(OrganizationTree.Account(5))).ListRootsAsync(CancellationToken.None));
        await Assert.ThrowsAsync<OrganizationsException>(() =>
            Client(recorder, Emulator.Aws.AddAccount("999999999999")).DescribeOrganizationAsync(CancellationToken.None));

        var violations = recorder.Exchanges.SelectMany(e => JsonProtocolValidator.Request(Model, e.Target, e.Request)
            .Concat(JsonProtocolValidator.Answer(Model, Operation(e.Target), e.Status, e.Answer))).ToList();
        Assert.True(violations.Count == 0, string.Join(System.Environment.NewLine, violations));

        var sent = recorder.Exchanges.Select(e => Operation(e.Target)).Distinct().OrderBy(o => o);
        Assert.Equal(ClientOperations().OrderBy(o => o), sent);
        Assert.Contains(recorder.Exchanges, e => e.Request.Contains("\"NextToken\"", StringComparison.Ordinal));
        Assert.Equal(3, recorder.Exchanges.Count(e => e.Status >= 400));
        foreach (var exchange in recorder.Exchanges.Where(e => e.Status >= 400)) _output.WriteLine($"{exchange.Target} {exchange.Status} {exchange.Answer}");
    }

    [Fact]
    public void Every_operation_of_the_client_is_an_operation_of_the_model()
    {
        Assert.All(ClientOperations(), operation => Assert.True(Model.Operations.ContainsKey(operation), $"{operation} is not in the model"));
    }

    private static IEnumerable<string> ClientOperations() =>
        typeof(OrganizationsClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
            .Select(m => m.Name.Substring(0, m.Name.Length - "Async".Length));

    private static string Operation(string? target) => target?.Substring(target.IndexOf('.') + 1) ?? "";

    private OrganizationsClient Client(Recorder recorder, AwsAccountKeys keys) =>
        new(new HttpClient(recorder, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) }, Emulator.BaseUrl, "us-east-1",
            new StaticAwsCredentialSource(new AwsCredentials(keys.AccessKeyId, keys.SecretAccessKey)), new RetryPolicy(maxAttempts: 1));

    /// <summary>Passes each request on to the emulator and keeps both bodies, as sent and as answered.</summary>
    private sealed class Recorder : DelegatingHandler
    {
        public Recorder()
            : base(new HttpClientHandler())
        {
        }

        public List<(string? Target, string Request, int Status, string Answer)> Exchanges { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : null;
            lock (Exchanges) Exchanges.Add((target, body, (int)response.StatusCode, answer));
            return response;
        }
    }
}
