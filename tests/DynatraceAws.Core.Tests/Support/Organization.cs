using System.Collections.Generic;
using System.Threading.Tasks;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Aws;

namespace DynatraceAws.Core.Tests.Support;

/// <summary>A management account whose OrganizationAccountAccessRole reaches every member.</summary>
public static class Organization
{
    public const string ManagementAccount = "100000000000";
    public const string AccessRole = OrganizationMembers.AccessRole;

    public static async Task<AwsAccountKeys> SetUpAsync(EmulatorHost emulator, IEnumerable<string> members)
    {
        await OrganizationMembers.AddAsync(emulator, ManagementAccount, members);
        emulator.Log.Clear();
        return emulator.Aws.AddAccount(ManagementAccount);
    }
}
