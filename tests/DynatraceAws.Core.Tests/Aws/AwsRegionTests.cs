using System;
using System.Collections.Generic;
using System.IO;
using DynatraceAws.Core.Aws.Credentials;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws;

/// <summary>The region in AWS.Tools' order: parameter, $StoredAWSRegion, the default profile, AWS_REGION, AWS_DEFAULT_REGION.</summary>
public sealed class AwsRegionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aws-region-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A credentials file of its own, so the machine's profiles play no part.</summary>
    private string Profiles(string text)
    {
        var path = Path.Combine(_folder, "credentials");
        File.WriteAllText(path, text);
        return path;
    }

    private static readonly Func<string, string?> Environment = new Dictionary<string, string>
    {
        ["AWS_REGION"] = "eu-north-1",
        ["AWS_DEFAULT_REGION"] = "ap-south-1",
    }.GetValueOrDefault;

    private static Func<string, string?> Only(string name, string value) => n => n == name ? value : null;

    [Fact]
    public void The_parameter_comes_first()
    {
        var options = new AwsCredentialOptions { Region = "eu-west-1", StoredRegion = "us-west-2", ProfileLocation = Profiles("[default]\nregion = ca-central-1\n") };

        Assert.Equal(("eu-west-1", "the parameter"), AwsRegion.Resolve(options, Environment));
    }

    [Fact]
    public void Set_DefaultAWSRegion_comes_before_the_profile_and_the_environment()
    {
        var options = new AwsCredentialOptions { StoredRegion = "us-west-2", ProfileLocation = Profiles("[default]\nregion = ca-central-1\n") };

        Assert.Equal("us-west-2", AwsRegion.Resolve(options, Environment).Region);
    }

    [Theory]
    [InlineData("[default]\nregion = ca-central-1\n[AWS PS Default]\nregion = sa-east-1\n", "ca-central-1")]
    [InlineData("[AWS PS Default]\nregion = sa-east-1\n", "sa-east-1")]
    public void The_default_profile_then_AWS_Tools_legacy_default_come_before_the_environment(string profiles, string expected)
    {
        var options = new AwsCredentialOptions { ProfileLocation = Profiles(profiles) };

        Assert.Equal(expected, AwsRegion.Resolve(options, Environment).Region);
    }

    [Fact]
    public void AWS_REGION_comes_before_AWS_DEFAULT_REGION_and_either_before_us_east_1()
    {
        var options = new AwsCredentialOptions { ProfileLocation = Profiles("[other]\nregion = ca-central-1\n") };

        Assert.Equal(("eu-north-1", "AWS_REGION"), AwsRegion.Resolve(options, Environment));
        Assert.Equal(("ap-south-1", "AWS_DEFAULT_REGION"), AwsRegion.Resolve(options, Only("AWS_DEFAULT_REGION", "ap-south-1")));
        Assert.Equal(AwsRegion.Fallback, AwsRegion.Resolve(options, _ => null).Region);
    }
}
