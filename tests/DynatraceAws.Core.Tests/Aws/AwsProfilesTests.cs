using System;
using System.IO;
using DynatraceAws.Core.Aws.Credentials;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws;

[Collection("Environment variables")]
public class AwsProfilesTests
{
    [Fact]
    public void Lists_the_profiles_of_both_files_once_each_and_no_other_sections()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var config = Path.Combine(folder, "config");
        var credentials = Path.Combine(folder, "credentials");
        File.WriteAllText(config, "[default]\nregion = us-east-1\n[profile prod-admin]\nregion = eu-west-1\n[sso-session corp]\nsso_region = eu-west-1\n");
        File.WriteAllText(credentials, "[default]\naws_access_key_id = x\n[ci]\naws_access_key_id = y\n");
        var (oldConfig, oldCredentials) = (Environment.GetEnvironmentVariable("AWS_CONFIG_FILE"), Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE"));
        try
        {
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", config);
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", credentials);
            Assert.Equal(new[] { "ci", "default", "prod-admin" }, AwsProfiles.Names());
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", oldConfig);
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", oldCredentials);
            Directory.Delete(folder, recursive: true);
        }
    }
}
