using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;
using Xunit;

namespace DynatraceAws.Core.Tests.Http;

public class RedactorTests
{
    [Theory]
    [InlineData("token dt0s16.ABCDEFGH.IJKLMNOPQRSTUVWX was refused", "dt0s16.ABCDEFGH")]
    [InlineData("classic token dt0c01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM", "G3DFPBEJYMODIDAEX454")]
    [InlineData("an emulator token dt0c01.EMULATOR.local-api-token in a body", "local-api-token")]
    [InlineData("Authorization: Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("Authorization: Api-Token secretvalue123", "secretvalue123")]
    [InlineData("X-Amz-Security-Token: FQoGZXIvYXdzEXAMPLE", "FQoGZXIvYXdzEXAMPLE")]
    [InlineData("client_secret=supersecret&grant_type=client_credentials", "supersecret")]
    [InlineData("Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", "5da7c1a2acd57cee")]
    [InlineData("a JWT eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl in a message", "eyJzdWIiOiJ1c2VyIn0")]
    [InlineData("session IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6 copied", "IQoJb3JpZ2luX2Vj")]
    [InlineData("old session AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTw", "AQoDYXdzEPT")]
    [InlineData("secret key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY leaked", "wJalrXUtnFEMI")]
    [InlineData("{\"authenticationData\":{\"keyBasedAuthentication\":{\"accessKey\":\"AKIDEXAMPLE\",\"secretKey\":\"hunter2hunter2\"}}}", "hunter2hunter2")]
    [InlineData("EnvironmentUrl 'https://admin:p4ssw0rd@abc12345.apps.dynatrace.com' contains credentials", "p4ssw0rd")]
    [InlineData("EnvironmentUrl 'https://abc12345.live.dynatrace.com/?api-token=opensesame' has a query", "opensesame")]
    [InlineData("https://abc12345.apps.dynatrace.com/api?x=1&auth=opensesame#top", "opensesame")]
    public void Masks_secret_shapes(string text, string secret)
    {
        var redacted = Redactor.Redact(text);
        Assert.DoesNotContain(secret, redacted);
        Assert.Contains(Redactor.Mask, redacted);
    }

    [Theory]
    [InlineData("Creating AWS connection 'prod' for account 123456789012.")]
    [InlineData("GET platform/classic/environment-api/v2/settings/objects?schemaIds=builtin:x&scopes=environment -> 200 in 12 ms")]
    [InlineData("role arn:aws:iam::123456789012:role/DynatraceMonitoringRole with key id AKIAIOSFODNN7EXAMPLE")]
    [InlineData("commit 3f786850e387550fdab836ed7e6dc881de23001b and request 5f1a3b2c-1111-4222-8333-944455566677")]
    [InlineData("object vu9U3hXa3q0AAAABADZidWlsdGluOmh5cGVyc2NhbGVyLWF1dGhlbnRpY2F0aW9uLmNvbm5lY3Rpb25zLmF3cwAGdGVuYW50")]
    [InlineData("client dt0s02.ABCDEF12 and token id dt0s16.PUBLIC42")]
    public void Leaves_ordinary_text_alone(string text) => Assert.Equal(text, Redactor.Redact(text));

    [Fact]
    public void Masks_registered_secrets_wherever_they_appear()
    {
        Redactor.Register("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        Assert.Equal("key=*** and ***", Redactor.Redact("key=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY and wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    }

    [Fact]
    public void Masks_a_registered_secret_also_as_a_form_body_or_a_JSON_string_encodes_it()
    {
        const string secret = "plain+slash/and space&more";
        Redactor.Register(secret);

        Assert.Equal("Action=X&Secret=***", Redactor.Redact("Action=X&Secret=" + Uri.EscapeDataString(secret)));
        Assert.Equal("Action=X&Secret=***", Redactor.Redact("Action=X&Secret=" + System.Net.WebUtility.UrlEncode(secret)));
        Assert.Equal("{\"label\":\"***\"}", Redactor.Redact("{\"label\":\"" + System.Text.Json.JsonEncodedText.Encode(secret) + "\"}"));
    }

    [Fact]
    public void Masks_the_longer_of_two_registered_secrets_whole()
    {
        Redactor.Register("overlapping-secret");
        Redactor.Register("overlapping-secret-and-more");
        Assert.Equal("[***]", Redactor.Redact("[overlapping-secret-and-more]"));
    }

    [Fact]
    public void Takes_time_in_proportion_to_a_hostile_answer_however_it_is_shaped()
    {
        // 200,000 characters: a rule that backtracks over the text again at every position takes minutes.
        var answers = new[]
        {
            "https://host/?" + string.Concat(Enumerable.Repeat("a=b&", 50_000)),
            string.Concat(Enumerable.Repeat("://x?y", 40_000)),
            string.Concat(Enumerable.Repeat("Ab1/", 50_000)),
            "Authorization: " + new string('x', 200_000),
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        foreach (var answer in answers) Redactor.Redact(answer);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Takes_no_longer_for_every_secret_a_run_of_thousands_of_accounts_registers()
    {
        // Two per account (its role session's key and token), kept for the session: 20,000 accounts' worth,
        // every one beginning as AWS session tokens all do.
        var secrets = Enumerable.Range(0, 40_000).Select(i => $"IQoJb3JpZ2luX2VjEJr//////////wEa{Guid.NewGuid():N}{i:D6}").ToArray();
        foreach (var secret in secrets) Redactor.Register(secret);
        var message = "IAM GetRole of account 123456789012: NoSuchEntity (" + new string('x', 200) + ") " + secrets[12_345];
        var clock = System.Diagnostics.Stopwatch.StartNew();

        for (var i = 0; i < 2_000; i++) Assert.EndsWith(") ***", Redactor.Redact(message));

        // A replace per secret per message took minutes here.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Leaves_an_OAuth_client_id_readable_but_masks_a_client_secret() =>
        Assert.Equal("client dt0s02.ABCDEF12 with secret ***", Redactor.Redact("client dt0s02.ABCDEF12 with secret dt0s02.ABCDEF12.XYZSECRET99"));

    [Fact]
    public void Keeps_Core_exceptions_as_they_are_since_they_are_built_redacted()
    {
        var known = new DynatraceAwsException("Known", FailureCategory.InvalidOperation, "Authorization: Bearer shown-never");

        Assert.Same(known, Redactor.Redact(known));
        Assert.Equal("Authorization: ***", known.Message);
    }

    [Fact]
    public void Copies_a_foreign_exception_with_its_texts_and_inner_exceptions_redacted_and_its_data_left_behind()
    {
        Redactor.Register("foreign-secret-value");
        Exception thrown;
        try
        {
            throw new HttpRequestException("failed with foreign-secret-value", new InvalidOperationException("inner foreign-secret-value"));
        }
        catch (Exception ex)
        {
            ex.Data["secret"] = "foreign-secret-value";
            thrown = ex;
        }

        var copy = Assert.IsType<RedactedException>(Redactor.Redact(thrown));

        Assert.Equal("System.Net.Http.HttpRequestException", copy.OriginalType);
        Assert.Equal("failed with ***", copy.Message);
        Assert.Equal("inner ***", Assert.IsType<RedactedException>(copy.InnerException).Message);
        Assert.Empty(copy.Data);
        Assert.Contains(nameof(Copies_a_foreign_exception_with_its_texts_and_inner_exceptions_redacted_and_its_data_left_behind), copy.StackTrace);
        Assert.DoesNotContain("foreign-secret-value", copy.ToString());
        Assert.StartsWith("System.Net.Http.HttpRequestException: failed with ***", copy.ToString());
    }

    [Fact]
    public void A_Core_exception_keeps_no_foreign_inner_exception_raw()
    {
        Redactor.Register("inner-secret-value");
        var outer = new DynatraceAwsException("Known", FailureCategory.ConnectionError, "outer", null, new TimeoutException("inner-secret-value"));

        Assert.Equal("***", Assert.IsType<RedactedException>(outer.InnerException).Message);
    }
}
