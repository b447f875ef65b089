using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Tests.Aws.Model;
using Xunit;
using Xunit.Abstractions;

namespace DynatraceAws.Core.Tests.Aws.Iam.Model
{
    /// <summary>
    /// The IAM client against the botocore IAM model (shared/contracts/aws/iam-2010-05-08.service-2.json):
    /// every request it can send is valid input of its operation, and it reads the output members
    /// by the names the model gives them.
    /// </summary>
    public class IamModelConformanceTests
    {
        private const string PolicyArn = "arn:aws:iam::123456789012:policy/dynatrace/DynatraceMonitoringPolicy";
        private const string RoleName = "DynatraceMonitoringRole";
        private const string NextPage = "next page/2=+ä";
        private const string PolicyDocument =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"cloudwatch:GetMetricData\"," +
            "\"tag:GetResources\"],\"Resource\":\"*\"}]}";
        private const string TrustPolicy =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::314146291599:root\"}," +
            "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"vu9U3hXa3q0AAAAB-EXAMPLE\"}}}]}";

        private static readonly IamTag[] Tags = { new IamTag("Dynatrace:EnvironmentID", "abc12345"), new IamTag("owner", "platform team") };

        private static readonly BotocoreModel Model = BotocoreModel.Iam;

        /// <summary>Every operation of the client, with every optional member set, and what it reads from the answer.</summary>
        private static readonly ClientCall[] Calls =
        {
            new ClientCall("CreatePolicy", (c, ct) => Boxed(c.CreatePolicyAsync(new CreatePolicyRequest("DynatraceMonitoringPolicy",
                PolicyDocument, "/dynatrace/", "Dynatrace AWS monitoring", Tags), ct)), PolicyReads()),
            new ClientCall("GetPolicy", (c, ct) => Boxed(c.GetPolicyAsync(PolicyArn, ct)), PolicyReads()),
            new ClientCall("GetPolicyVersion", (c, ct) => Boxed(c.GetPolicyVersionAsync(PolicyArn, "v2", ct)), VersionReads("PolicyVersion", v => (IamPolicyVersion)v)),
            new ClientCall("CreatePolicyVersion", (c, ct) => Boxed(c.CreatePolicyVersionAsync(PolicyArn, PolicyDocument, true, ct)),
                VersionReads("PolicyVersion", v => (IamPolicyVersion)v)),
            new ClientCall("ListPolicyVersions", (c, ct) => Boxed(c.ListPolicyVersionsAsync(PolicyArn, ct)),
                VersionReads("Versions.member.1", v => ((IReadOnlyList<IamPolicyVersion>)v)[0])
                    .Concat(VersionReads("Versions.member.2", v => ((IReadOnlyList<IamPolicyVersion>)v)[1])).ToArray()),
            new ClientCall("DeletePolicyVersion", (c, ct) => NoResult(c.DeletePolicyVersionAsync(PolicyArn, "v1", ct))),
            new ClientCall("CreateRole", (c, ct) => Boxed(c.CreateRoleAsync(new CreateRoleRequest(RoleName, TrustPolicy, "/dynatrace/",
                "Dynatrace monitoring role", "arn:aws:iam::123456789012:policy/Boundary", Tags), ct)), RoleReads()),
            new ClientCall("GetRole", (c, ct) => Boxed(c.GetRoleAsync(RoleName, ct)), RoleReads()),
            new ClientCall("UpdateAssumeRolePolicy", (c, ct) => NoResult(c.UpdateAssumeRolePolicyAsync(RoleName, TrustPolicy, ct))),
            new ClientCall("AttachRolePolicy", (c, ct) => NoResult(c.AttachRolePolicyAsync(RoleName, PolicyArn, ct))),
            new ClientCall("ListAttachedRolePolicies", (c, ct) => Boxed(c.ListAttachedRolePoliciesAsync(RoleName, ct)),
                new[] { 1, 2 }.SelectMany(n => new[]
                {
                    Read<IReadOnlyList<AttachedPolicy>>($"AttachedPolicies.member.{n}.PolicyName", l => l[n - 1].PolicyName),
                    Read<IReadOnlyList<AttachedPolicy>>($"AttachedPolicies.member.{n}.PolicyArn", l => l[n - 1].PolicyArn),
                }).ToArray()),
            new ClientCall("TagRole", (c, ct) => NoResult(c.TagRoleAsync(RoleName, Tags, ct))),
            new ClientCall("DetachRolePolicy", (c, ct) => NoResult(c.DetachRolePolicyAsync(RoleName, PolicyArn, ct))),
            new ClientCall("DeleteRole", (c, ct) => NoResult(c.DeleteRoleAsync(RoleName, ct))),
            new ClientCall("DeletePolicy", (c, ct) => NoResult(c.DeletePolicyAsync(PolicyArn, ct))),
        };

        private readonly ITestOutputHelper _output;

        public IamModelConformanceTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> CallsWithOutput() =>
            Calls.Where(c => Model.Operations[c.Action].Output != null).Select(c => new object[] { c.Action });

        [Fact]
        public void The_table_covers_every_public_operation_of_the_client_and_each_is_a_model_operation()
        {
            var clientOperations = typeof(IamClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
                .Select(m => m.Name.Substring(0, m.Name.Length - "Async".Length));

            Assert.Equal(clientOperations.OrderBy(n => n), Calls.Select(c => c.Action).OrderBy(n => n));
            Assert.All(Calls, call => Assert.True(Model.Operations.ContainsKey(call.Action), $"{call.Action} is not in the model"));
        }

        [Fact]
        public async Task Every_request_the_client_sends_is_valid_input_under_the_model()
        {
            var handler = new RecordingHandler(request => Answer(request.Action,
                new Dictionary<string, string>
                {
                    // A first page that asks for a second, so the Marker requests are checked too.
                    ["IsTruncated"] = request.Field("Marker") is null ? "true" : "false",
                    ["Marker"] = NextPage,
                }));
            var client = Client(handler);

            foreach (var call in Calls) await call.Invoke(client, CancellationToken.None);

            var violations = handler.Requests.SelectMany(r => QueryRequestValidator.Validate(Model, r.Form)).ToList();
            Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
            Assert.Equal(Calls.Select(c => c.Action).OrderBy(a => a), handler.Requests.Select(r => r.Action).Distinct().OrderBy(a => a));
            Assert.Equal(new[] { "ListAttachedRolePolicies", "ListPolicyVersions" },
                handler.Requests.Where(r => r.Field("Marker") == NextPage).Select(r => r.Action).OrderBy(a => a));
        }

        [Theory]
        [MemberData(nameof(CallsWithOutput))]
        public async Task The_client_reads_the_output_members_by_their_model_names(string action)
        {
            var call = Calls.Single(c => c.Action == action);
            var sample = ModelResponseWriter.Write(Model, action, new Dictionary<string, string> { ["IsTruncated"] = "false" });
            var client = Client(new RecordingHandler(_ => RecordingHandler.Xml(HttpStatusCode.OK, sample.Xml)));

            var result = await call.Invoke(client, CancellationToken.None);

            Assert.NotNull(result);
            foreach (var (path, read) in call.Reads)
            {
                Assert.True(sample.Values.TryGetValue(path, out var expected), $"{path} is not a member of {action}'s output in the model");
                AssertReportedAs(path, expected!, read(result!));
            }
            var unread = sample.RequiredPaths.Except(call.Reads.Select(r => r.Path)).ToList();
            Assert.True(unread.Count == 0, $"{action}: required output members the client does not read: {string.Join(", ", unread)}");
            _output.WriteLine($"{action}: optional members not read: " +
                              string.Join(", ", sample.Values.Keys.Except(call.Reads.Select(r => r.Path)).OrderBy(p => p)));
        }

        private static HttpResponseMessage Answer(string action, IReadOnlyDictionary<string, string> overrides) =>
            RecordingHandler.Xml(HttpStatusCode.OK, ModelResponseWriter.Write(Model, action, overrides).Xml);

        private static IamClient Client(RecordingHandler handler) =>
            new IamClient(new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) }, new Uri("http://127.0.0.1:4566/"), "us-east-1",
                new StaticAwsCredentialSource(new AwsCredentials("AKIDEXAMPLE", "conformanceSecret/K7MDENG+bPxRfiCYEXAMPLEKEY")),
                new RetryPolicy(maxAttempts: 1));

        private static void AssertReportedAs(string path, string expected, object? actual)
        {
            object parsed = actual switch
            {
                null => throw new Xunit.Sdk.XunitException($"{path}: the model sample is '{expected}', the client reported nothing"),
                string _ => expected,
                int _ => int.Parse(expected, CultureInfo.InvariantCulture),
                bool _ => bool.Parse(expected),
                DateTimeOffset _ => DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                _ => throw new NotSupportedException($"{path}: cannot compare a {actual.GetType()}"),
            };
            Assert.True(parsed.Equals(actual), $"{path}: the model sample is '{expected}', the client reported '{actual}'");
        }

        private static (string Path, Func<object, object?> Read) Read<T>(string path, Func<T, object?> read) =>
            (path, result => read((T)result));

        private static (string, Func<object, object?>)[] RoleReads() => new[]
        {
            Read<IamRole>("Role.Path", r => r.Path),
            Read<IamRole>("Role.RoleName", r => r.RoleName),
            Read<IamRole>("Role.RoleId", r => r.RoleId),
            Read<IamRole>("Role.Arn", r => r.Arn),
            Read<IamRole>("Role.CreateDate", r => r.CreateDate),
            Read<IamRole>("Role.AssumeRolePolicyDocument", r => r.AssumeRolePolicyDocument),
            Read<IamRole>("Role.Description", r => r.Description),
            Read<IamRole>("Role.MaxSessionDuration", r => r.MaxSessionDuration),
            Read<IamRole>("Role.PermissionsBoundary.PermissionsBoundaryArn", r => r.PermissionsBoundaryArn),
        }.Concat(TagReads<IamRole>("Role", r => r.Tags)).ToArray();

        private static (string, Func<object, object?>)[] PolicyReads() => new[]
        {
            Read<IamPolicy>("Policy.PolicyName", p => p.PolicyName),
            Read<IamPolicy>("Policy.PolicyId", p => p.PolicyId),
            Read<IamPolicy>("Policy.Arn", p => p.Arn),
            Read<IamPolicy>("Policy.Path", p => p.Path),
            Read<IamPolicy>("Policy.DefaultVersionId", p => p.DefaultVersionId),
            Read<IamPolicy>("Policy.AttachmentCount", p => p.AttachmentCount),
            Read<IamPolicy>("Policy.Description", p => p.Description),
            Read<IamPolicy>("Policy.CreateDate", p => p.CreateDate),
            Read<IamPolicy>("Policy.UpdateDate", p => p.UpdateDate),
        }.Concat(TagReads<IamPolicy>("Policy", p => p.Tags)).ToArray();

        private static (string, Func<object, object?>)[] VersionReads(string prefix, Func<object, IamPolicyVersion> version) => new[]
        {
            Read<object>($"{prefix}.Document", r => version(r).Document),
            Read<object>($"{prefix}.VersionId", r => version(r).VersionId),
            Read<object>($"{prefix}.IsDefaultVersion", r => version(r).IsDefaultVersion),
            Read<object>($"{prefix}.CreateDate", r => version(r).CreateDate),
        };

        private static IEnumerable<(string, Func<object, object?>)> TagReads<T>(string owner, Func<T, IReadOnlyList<IamTag>> tags) =>
            new[] { 1, 2 }.SelectMany(n => new[]
            {
                Read<T>($"{owner}.Tags.member.{n}.Key", o => tags(o)[n - 1].Key),
                Read<T>($"{owner}.Tags.member.{n}.Value", o => tags(o)[n - 1].Value),
            });

        private static async Task<object?> Boxed<T>(Task<T> task) => await task;

        private static async Task<object?> NoResult(Task task)
        {
            await task;
            return null;
        }

        private sealed class ClientCall
        {
            public ClientCall(string action, Func<IamClient, CancellationToken, Task<object?>> invoke,
                params (string Path, Func<object, object?> Read)[] reads)
            {
                Action = action;
                Invoke = invoke;
                Reads = reads;
            }

            public string Action { get; }
            public Func<IamClient, CancellationToken, Task<object?>> Invoke { get; }
            public IReadOnlyList<(string Path, Func<object, object?> Read)> Reads { get; }
        }
    }
}
