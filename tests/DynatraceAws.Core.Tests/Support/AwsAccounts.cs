using System;
using DynatraceAws.Core.Aws.Credentials;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Aws;

namespace DynatraceAws.Core.Tests.Support;

/// <summary>Credential options that reach an emulated AWS account.</summary>
public static class AwsAccounts
{
    public static AwsCredentialOptions Options(EmulatorHost emulator, AwsAccountKeys keys, string? assumeRoleName = null) => new()
    {
        AccessKey = keys.AccessKeyId,
        SecretKey = EmulatorTest.SecureText(keys.SecretAccessKey),
        Region = "us-east-1",
        EndpointUrl = emulator.BaseUrl,
        AssumeRoleName = assumeRoleName,
    };
}
