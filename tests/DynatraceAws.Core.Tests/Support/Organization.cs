using System.Collections.Generic;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Aws;

namespace DynatraceAws.Core.Tests.Support;

/// <summary>A management account whose OrganizationAccountAccessRole reaches every member.</summary>
public static class Organization
{
    public const string ManagementAccount = "100000000000";
    public const string AccessRole = OrganizationMembers.AccessRole;

    public static AwsAccountKeys SetUp(EmulatorHost emulator, IEnumerable<string> members)
    {
        OrganizationMembers.Add(emulator, ManagementAccount, members);
        return emulator.Aws.AddAccount(ManagementAccount);
    }
}
