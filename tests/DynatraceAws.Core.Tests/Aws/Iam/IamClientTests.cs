using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Http;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws.Iam
{
    public class IamClientTests
    {
        private const string SecretKey = "iamClientTestSecret/K7MDENG+bPxRfiCYEXAMPLEKEY";
        private const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLE-iam-client-test-token";
        private static readonly Uri Endpoint = new Uri("http://127.0.0.1:4566/");
        private static readonly RetryPolicy NoRetry = new RetryPolicy(maxAttempts: 1);

        private static IamClient Client(RecordingHandler handler, RetryPolicy? retry = null, TimeSpan? timeout = null,
            IAwsCredentialSource? credentials = null) =>
            new IamClient(
                new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(5) },
                Endpoint,
                "us-east-1",
                credentials ?? new StaticAwsCredentialSource(new AwsCredentials("ASIAEXAMPLEKEYID", SecretKey, SessionToken)),
                retry ?? NoRetry);

        private static RecordingHandler Answering(string action, string resultContent = "") =>
            new RecordingHandler(_ => RecordingHandler.Xml(HttpStatusCode.OK, IamXmlSamples.Success(action, resultContent)));

        private static RecordingHandler Failing(HttpStatusCode status, string body) =>
            new RecordingHandler(_ => RecordingHandler.Xml(status, body));

        [Fact]
        public async Task Sends_a_SigV4_signed_form_post_for_iam_in_the_signing_region()
        {
            var handler = Answering("AttachRolePolicy");

            await Client(handler).AttachRolePolicyAsync("DynatraceMonitoringRole",
                "arn:aws:iam::123456789012:policy/DynatraceMonitoringPolicy", CancellationToken.None);

            var sent = Assert.Single(handler.Requests);
            Assert.Equal("POST", sent.Method);
            Assert.Equal(Endpoint, sent.Uri);
            Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", sent.Headers["Content-Type"]);
            Assert.Equal(new[] { "Action", "Version", "RoleName", "PolicyArn" }, sent.Form.Select(f => f.Key));
            Assert.Equal("2010-05-08", sent.Field("Version"));
            Assert.Equal(SessionToken, sent.Headers["X-Amz-Security-Token"]);
            var date = sent.Headers["X-Amz-Date"].Substring(0, 8);
            Assert.StartsWith($"AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEKEYID/{date}/us-east-1/iam/aws4_request, SignedHeaders=",
                sent.Headers["Authorization"]);
            Assert.Contains("content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=", sent.Headers["Authorization"]);
        }

        [Fact]
        public async Task Form_values_reach_IAM_exactly_as_given()
        {
            var handler = Answering("CreatePolicy", "<Policy><PolicyName>p</PolicyName><PolicyId>ANPAEXAMPLE0000000000</PolicyId>" +
                "<Arn>arn:aws:iam::123456789012:policy/p</Arn><Path>/</Path><DefaultVersionId>v1</DefaultVersionId>" +
                "<AttachmentCount>0</AttachmentCount><CreateDate>2026-01-15T10:20:29.123Z</CreateDate></Policy>");
            const string document = "{\"Statement\":[{\"Action\":\"s3:Get*\",\"Resource\":\"arn:aws:s3:::a+b c&d=e\"}]}";
            const string description = "Dynatrace – monitoring/é 100% & more";

            await Client(handler).CreatePolicyAsync(new CreatePolicyRequest("p", document, description: description,
                tags: new[] { new IamTag("Dynatrace:EnvironmentID", "abc 12+345") }), CancellationToken.None);

            var sent = Assert.Single(handler.Requests);
            Assert.Equal(document, sent.Field("PolicyDocument"));
            Assert.Equal(description, sent.Field("Description"));
            Assert.Equal("abc 12+345", sent.Field("Tags.member.1.Value"));
            Assert.DoesNotContain("+", sent.Body);
        }

        [Fact]
        public async Task Url_encoded_documents_come_back_decoded()
        {
            var handler = Answering("GetRole", IamXmlSamples.Role("DynatraceMonitoringRole",
                "%7B%22Version%22%3A%222012-10-17%22%2C%22Id%22%3A%22a%2Bb%20c%22%7D"));

            var role = await Client(handler).GetRoleAsync("DynatraceMonitoringRole", CancellationToken.None);

            Assert.Equal("{\"Version\":\"2012-10-17\",\"Id\":\"a+b c\"}", role.AssumeRolePolicyDocument);
            Assert.Equal("arn:aws:iam::123456789012:role/DynatraceMonitoringRole", role.Arn);
            Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 20, 30, TimeSpan.Zero), role.CreateDate);
        }

        [Fact]
        public async Task An_error_document_becomes_an_IamException_with_code_message_request_id_and_status()
        {
            var handler = Failing(HttpStatusCode.Conflict,
                IamXmlSamples.Error("EntityAlreadyExists", "Role with name DynatraceMonitoringRole already exists."));

            var error = await Assert.ThrowsAsync<IamException>(() => Client(handler, new RetryPolicy(maxAttempts: 3))
                .CreateRoleAsync(new CreateRoleRequest("DynatraceMonitoringRole", "{}"), CancellationToken.None));

            Assert.Equal(IamErrorCodes.EntityAlreadyExists, error.Code);
            Assert.Equal("Role with name DynatraceMonitoringRole already exists.", error.ServiceMessage);
            Assert.Equal("req-EntityAlreadyExists", error.RequestId);
            Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
            Assert.Equal("CreateRole", error.Operation);
            Assert.Contains("EntityAlreadyExists", error.Message);
            Assert.False(error.IsTransient);
            Assert.Single(handler.Requests);
        }

        [Theory]
        [InlineData(IamErrorCodes.Throttling, HttpStatusCode.BadRequest, true)]
        [InlineData(IamErrorCodes.ServiceFailure, HttpStatusCode.InternalServerError, true)]
        [InlineData(IamErrorCodes.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, true)]
        [InlineData(IamErrorCodes.ConcurrentModification, HttpStatusCode.Conflict, true)]
        [InlineData("InternalFailure", HttpStatusCode.InternalServerError, true)]
        [InlineData(IamErrorCodes.LimitExceeded, HttpStatusCode.Conflict, false)]
        [InlineData(IamErrorCodes.NoSuchEntity, HttpStatusCode.NotFound, false)]
        [InlineData(IamErrorCodes.MalformedPolicyDocument, HttpStatusCode.BadRequest, false)]
        [InlineData(IamErrorCodes.DeleteConflict, HttpStatusCode.Conflict, false)]
        [InlineData(IamErrorCodes.InvalidInput, HttpStatusCode.BadRequest, false)]
        [InlineData(IamErrorCodes.AccessDenied, HttpStatusCode.Forbidden, false)]
        [InlineData(IamErrorCodes.InvalidClientTokenId, HttpStatusCode.Forbidden, false)]
        public async Task Only_throttling_server_faults_and_concurrent_modification_are_transient(string code, HttpStatusCode status,
            bool transient)
        {
            var handler = Failing(status, IamXmlSamples.Error(code, "message"));

            var error = await Assert.ThrowsAsync<IamException>(() =>
                Client(handler).DeleteRoleAsync("DynatraceMonitoringRole", CancellationToken.None));

            Assert.Equal(code, error.Code);
            Assert.Equal(transient, error.IsTransient);
            Assert.Equal(transient, RetryPolicy.IsTransient(error));
        }

        [Fact]
        public async Task Transient_errors_are_retried_through_the_module_retry_policy_with_fresh_credentials()
        {
            var answers = new[]
            {
                RecordingHandler.Xml(HttpStatusCode.BadRequest, IamXmlSamples.Error(IamErrorCodes.Throttling, "Rate exceeded")),
                RecordingHandler.Xml(HttpStatusCode.OK, IamXmlSamples.Success("DeletePolicy")),
            };
            var calls = 0;
            var handler = new RecordingHandler(_ => answers[calls++]);
            var credentials = new CountingCredentialSource();
            var retry = new RetryPolicy(maxAttempts: 3, baseDelay: TimeSpan.FromMilliseconds(1));
            RetryEvent? retried = null;
            retry.Retrying += e => retried = e;

            await Client(handler, retry, credentials: credentials)
                .DeletePolicyAsync("arn:aws:iam::123456789012:policy/DynatraceMonitoringPolicy", CancellationToken.None);

            Assert.Equal(2, handler.Requests.Count);
            Assert.Equal(2, credentials.Calls);
            Assert.Equal("DeletePolicy", retried!.Operation);
            Assert.Equal(IamErrorCodes.Throttling, Assert.IsType<IamException>(retried.Error).Code);
        }

        [Fact]
        public async Task A_Retry_After_header_becomes_the_delay_the_retry_policy_waits()
        {
            var handler = new RecordingHandler(_ =>
            {
                var answer = RecordingHandler.Xml(HttpStatusCode.BadRequest, IamXmlSamples.Error(IamErrorCodes.Throttling, "Rate exceeded"));
                answer.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
                return answer;
            });

            var error = await Assert.ThrowsAsync<IamException>(() => Client(handler).GetRoleAsync("r", CancellationToken.None));

            Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        }

        [Fact]
        public async Task An_answer_without_an_error_document_keeps_its_status_and_is_transient_when_5xx()
        {
            var handler = Failing(HttpStatusCode.BadGateway, "<html><body>Bad gateway</body></html>");

            var error = await Assert.ThrowsAsync<IamException>(() =>
                Client(handler).GetRoleAsync("DynatraceMonitoringRole", CancellationToken.None));

            Assert.Equal(IamErrorCodes.NoErrorDocument, error.Code);
            Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
            Assert.True(error.IsTransient);
            Assert.Contains("HTTP 502", error.Message);
        }

        [Fact]
        public async Task Secrets_that_AWS_echoes_in_an_error_never_reach_the_exception()
        {
            var echo = "The request signature we calculated does not match the signature you provided. The Canonical String " +
                       $"for this request should have been 'POST / x-amz-security-token:{SessionToken} ...' key {SecretKey}";
            var handler = Failing(HttpStatusCode.Forbidden, IamXmlSamples.Error(IamErrorCodes.SignatureDoesNotMatch, echo));

            var error = await Assert.ThrowsAsync<IamException>(() =>
                Client(handler).GetRoleAsync("DynatraceMonitoringRole", CancellationToken.None));

            Assert.Equal(IamErrorCodes.SignatureDoesNotMatch, error.Code);
            foreach (var text in new[] { error.Message, error.ServiceMessage, error.ToString() })
            {
                Assert.DoesNotContain(SessionToken, text);
                Assert.DoesNotContain(SecretKey, text);
            }
        }

        [Fact]
        public async Task A_request_that_outlives_the_HttpClient_timeout_is_a_TimeoutException()
        {
            var handler = new RecordingHandler(async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            });

            var error = await Assert.ThrowsAsync<TimeoutException>(() =>
                Client(handler, timeout: TimeSpan.FromMilliseconds(100)).GetRoleAsync("r", CancellationToken.None));

            Assert.Contains("GetRole", error.Message);
            Assert.True(RetryPolicy.IsTransient(error));
        }

        [Fact]
        public async Task Cancellation_by_the_caller_stays_a_cancellation()
        {
            var handler = new RecordingHandler(async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            });
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                Client(handler, timeout: TimeSpan.FromSeconds(30)).GetRoleAsync("r", cancel.Token));
        }

        [Fact]
        public async Task Lists_follow_the_marker_until_the_last_page()
        {
            var handler = new RecordingHandler(request => RecordingHandler.Xml(HttpStatusCode.OK,
                IamXmlSamples.Success("ListAttachedRolePolicies", request.Field("Marker") is null
                    ? IamXmlSamples.AttachedPolicies(true, "page 2+", "DynatraceMonitoringPolicy")
                    : IamXmlSamples.AttachedPolicies(false, null, "DynatraceMonitoringPolicy-2", "Other"))));

            var attached = await Client(handler).ListAttachedRolePoliciesAsync("DynatraceMonitoringRole", CancellationToken.None);

            Assert.Equal(new[] { "DynatraceMonitoringPolicy", "DynatraceMonitoringPolicy-2", "Other" }, attached.Select(a => a.PolicyName));
            Assert.Equal(new string?[] { null, "page 2+" }, handler.Requests.Select(r => r.Field("Marker")));
        }

        [Fact]
        public async Task A_truncated_page_without_a_marker_is_a_format_error_not_an_endless_loop()
        {
            var handler = Answering("ListPolicyVersions", "<Versions/><IsTruncated>true</IsTruncated>");

            await Assert.ThrowsAsync<FormatException>(() =>
                Client(handler).ListPolicyVersionsAsync("arn:aws:iam::123456789012:policy/p", CancellationToken.None));
        }

        [Fact]
        public async Task A_success_answer_without_the_result_element_is_a_format_error()
        {
            var handler = Answering("GetPolicy");

            var error = await Assert.ThrowsAsync<FormatException>(() =>
                Client(handler).GetPolicyAsync("arn:aws:iam::123456789012:policy/p", CancellationToken.None));

            Assert.Contains("GetPolicyResult", error.Message);
        }

        [Fact]
        public void An_HttpClient_without_a_timeout_is_refused()
        {
            var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };

            Assert.Throws<ArgumentException>(() => new IamClient(client, Endpoint, "us-east-1",
                new StaticAwsCredentialSource(new AwsCredentials("AKIDEXAMPLE", SecretKey))));
        }

        private sealed class CountingCredentialSource : IAwsCredentialSource
        {
            public int Calls { get; private set; }

            public Task<AwsCredentials> GetAsync(CancellationToken ct)
            {
                Calls++;
                return Task.FromResult(new AwsCredentials("AKIDEXAMPLE", SecretKey));
            }
        }
    }
}
