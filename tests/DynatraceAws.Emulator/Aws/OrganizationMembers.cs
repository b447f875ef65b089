using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Iam;

namespace DynatraceAws.Emulator.Aws;

/// <summary>
/// Member accounts whose OrganizationAccountAccessRole trusts a management account, as AWS
/// Organizations sets them up, made through the emulator's own IAM API.
/// </summary>
public static class OrganizationMembers
{
    public const string AccessRole = "OrganizationAccountAccessRole";

    public static async Task AddAsync(EmulatorHost host, string managementAccountId, IEnumerable<string> members)
    {
        host.Aws.AddAccount(managementAccountId);
        var trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                    + managementAccountId + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var member in members)
        {
            var keys = host.Aws.AddAccount(member);
            var iam = new IamClient(http, host.BaseUrl, "us-east-1", new StaticAwsCredentialSource(new AwsCredentials(keys.AccessKeyId, keys.SecretAccessKey)));
            try
            {
                await iam.CreateRoleAsync(new CreateRoleRequest(AccessRole, trust), CancellationToken.None).ConfigureAwait(false);
            }
            catch (IamException ex) when (ex.Code == IamErrorCodes.EntityAlreadyExists)
            {
            }
        }
    }
}
