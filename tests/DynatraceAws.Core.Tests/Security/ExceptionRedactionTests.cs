using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Amazon.Runtime;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Core.Aws.Iam;
using DynatraceAws.Core.Aws.Organizations;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Secrets;
using Xunit;

namespace DynatraceAws.Core.Tests.Security;

/// <summary>
/// Every exception type of Core, built with a secret in every text it takes (as a hostile endpoint
/// that echoes the request would put it in an error answer), shows the secret nowhere: not in the
/// message, not in any property, not in an inner exception (issue 16, point 1).
/// </summary>
public class ExceptionRedactionTests
{
    private const string Secret = "zzEchoedSecret-7Hq2Wv9k";

    static ExceptionRedactionTests() => Redactor.Register(Secret);

    private static readonly Dictionary<Type, Func<string, Exception>> Builders = new()
    {
        [typeof(DynatraceAwsException)] = s => new DynatraceAwsException("Id", FailureCategory.InvalidOperation, s, s, new Exception(s, new Exception(s))),
        [typeof(InvalidInputException)] = s => new InvalidInputException("Id", "Field", s, s, s),
        [typeof(DynatraceApiException)] = s => new DynatraceApiException(s, 400, s, new[] { new ConstraintViolation(s, s) }, new[] { s }, null),
        [typeof(OAuthTokenException)] = s => new OAuthTokenException("Id", FailureCategory.AuthenticationError, 401, s, s, s, null),
        [typeof(IamException)] = s => new IamException(s, s, s, s, HttpStatusCode.BadRequest),
        [typeof(OrganizationsException)] = s => new OrganizationsException(s, s, s, s, HttpStatusCode.BadRequest),
        [typeof(StsException)] = s => StsException.From(s,
            new AmazonServiceException(s, new WebException(s), ErrorType.Sender, s, s, HttpStatusCode.Forbidden)),
        [typeof(RedactedException)] = s => Redactor.Redact(new InvalidOperationException(s, new Exception(s))),
    };

    public static IEnumerable<object[]> ExceptionTypes() => Builders.Keys.Select(t => new object[] { t.Name });

    [Theory]
    [MemberData(nameof(ExceptionTypes))]
    public void Shows_no_secret_it_was_given(string typeName)
    {
        var (type, build) = Builders.Single(b => b.Key.Name == typeName);
        var sweep = new SecretSweep();

        var exception = build("echo: " + Secret + " :echo");
        sweep.Exception(typeName, exception);

        Assert.IsType(type, exception);
        Assert.Empty(sweep.Leaks(new[] { Secret }));
    }

    [Fact]
    public void Covers_every_exception_type_of_Core()
    {
        var all = typeof(Redactor).Assembly.GetTypes().Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract);

        Assert.Empty(all.Except(Builders.Keys).Select(t => t.FullName));
    }

    [Fact]
    public void The_sweep_sees_a_secret_in_a_property_that_is_not_text()
    {
        var sweep = new SecretSweep();
        var raw = new DynatraceApiException("op", 400, "fine", Array.Empty<ConstraintViolation>(), Array.Empty<string>(), null);
        typeof(DynatraceApiException).GetProperty(nameof(DynatraceApiException.ConstraintViolations))!
            .GetBackingField().SetValue(raw, new[] { new ConstraintViolation("path", Secret) });

        sweep.Exception("planted", raw);

        Assert.Contains("secret #0 in planted [0] .ConstraintViolations[]", sweep.Leaks(new[] { Secret }));
    }
}

internal static class BackingFields
{
    public static System.Reflection.FieldInfo GetBackingField(this System.Reflection.PropertyInfo property) =>
        property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
}
