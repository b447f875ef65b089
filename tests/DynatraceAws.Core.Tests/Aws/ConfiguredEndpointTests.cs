using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws;

/// <summary>
/// The endpoint variables as the AWS SDKs and CLI v2 read them (the CLI's
/// tests/functional/configured_endpoint_urls cases): the explicit endpoint wins, then the
/// service's variable, then AWS_ENDPOINT_URL; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true sets both aside.
/// </summary>
public class ConfiguredEndpointTests
{
    private static readonly Uri Explicit = new("https://explicit.example");

    private static Func<string, string?> Variables(params (string Name, string Value)[] set)
    {
        var values = new Dictionary<string, string>();
        foreach (var (name, value) in set) values[name] = value;
        return name => values.TryGetValue(name, out var value) ? value : null;
    }

    [Theory]
    [InlineData("iam-2010-05-08.service-2.json", ConfiguredEndpoint.Iam, "AWS_ENDPOINT_URL_IAM")]
    [InlineData("sts-2011-06-15.service-2.json", ConfiguredEndpoint.Sts, "AWS_ENDPOINT_URL_STS")]
    [InlineData("organizations-2016-11-28.service-2.json", ConfiguredEndpoint.Organizations, "AWS_ENDPOINT_URL_ORGANIZATIONS")]
    public void Each_service_is_named_by_the_serviceId_of_its_model(string model, string serviceId, string variable)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedContracts.PathTo("contracts", "aws", model)));
        Assert.Equal(document.RootElement.GetProperty("metadata").GetProperty("serviceId").GetString(), serviceId);
        Assert.Equal(variable, ConfiguredEndpoint.VariableFor(serviceId));
    }

    [Fact]
    public void A_service_variable_takes_precedence_over_the_global_one()
    {
        var variables = Variables(("AWS_ENDPOINT_URL", "https://global.example"), ("AWS_ENDPOINT_URL_STS", "https://sts.example"));

        Assert.Equal(new Uri("https://sts.example"), ConfiguredEndpoint.For(ConfiguredEndpoint.Sts, null, variables));
        Assert.Equal(new Uri("https://global.example"), ConfiguredEndpoint.For(ConfiguredEndpoint.Iam, null, variables));
    }

    [Fact]
    public void The_explicit_endpoint_wins_over_both_variables()
    {
        var variables = Variables(("AWS_ENDPOINT_URL", "https://global.example"), ("AWS_ENDPOINT_URL_IAM", "https://iam.example"));

        Assert.Equal(Explicit, ConfiguredEndpoint.For(ConfiguredEndpoint.Iam, Explicit, variables));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    public void AWS_IGNORE_CONFIGURED_ENDPOINT_URLS_sets_the_variables_aside_but_not_the_explicit_endpoint(string ignore)
    {
        var variables = Variables(("AWS_ENDPOINT_URL", "https://global.example"), ("AWS_ENDPOINT_URL_ORGANIZATIONS", "https://org.example"),
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", ignore));

        Assert.Null(ConfiguredEndpoint.For(ConfiguredEndpoint.Organizations, null, variables));
        Assert.Equal(Explicit, ConfiguredEndpoint.For(ConfiguredEndpoint.Organizations, Explicit, variables));
    }

    [Fact]
    public void Nothing_configured_leaves_the_partition_endpoint()
    {
        Assert.Null(ConfiguredEndpoint.For(ConfiguredEndpoint.Sts, null, Variables(("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false"))));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("http://iam.internal.example")]
    public void A_variable_that_is_no_https_address_is_InvalidEndpoint_naming_it(string value)
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            ConfiguredEndpoint.For(ConfiguredEndpoint.Iam, null, Variables(("AWS_ENDPOINT_URL_IAM", value))));

        Assert.Equal("InvalidEndpoint", error.ErrorId);
        Assert.Equal("AWS_ENDPOINT_URL_IAM", error.Field);
    }
}
