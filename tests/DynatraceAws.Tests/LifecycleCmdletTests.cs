using System;
using System.Linq;
using System.Management.Automation;
using DynatraceAws.Core.Onboarding;
using Xunit;

namespace DynatraceAws.Tests;

/// <summary>
/// The lifecycle cmdlets around onboarding: `Get-X | Set-X / Remove-X` binds the identity by property
/// name, removing asks first, and a Get takes the ids that the other Get's output carries.
/// </summary>
public class LifecycleCmdletTests
{
    [Theory]
    [InlineData(typeof(AwsConnection), "Remove-DtAwsConnection")]
    [InlineData(typeof(MonitoringConfiguration), "Set-DtMonitoringConfiguration")]
    [InlineData(typeof(MonitoringConfiguration), "Enable-DtMonitoringConfiguration")]
    [InlineData(typeof(MonitoringConfiguration), "Disable-DtMonitoringConfiguration")]
    [InlineData(typeof(MonitoringConfiguration), "Remove-DtMonitoringConfiguration")]
    [InlineData(typeof(MonitoringConfiguration), "Get-DtMonitoringConfigurationStatus")]
    public void The_identity_binds_by_property_name_from_the_Get_output(Type getOutput, string cmdlet)
    {
        var properties = getOutput.GetProperties().Select(p => p.Name).ToArray();
        var mandatory = CmdletMetadata.Parameters(CmdletMetadata.ByName(cmdlet)).Where(p => p.Mandatory).ToArray();

        Assert.NotEmpty(mandatory);
        foreach (var parameter in mandatory)
        {
            Assert.True(parameter.ByPropertyName, $"{cmdlet} -{parameter.Name} must bind by property name");
            Assert.True(parameter.NamesAndAliases.Intersect(properties).Any(), $"{cmdlet} -{parameter.Name} finds no property of {getOutput.Name}");
        }
    }

    [Theory]
    [InlineData("Get-DtAwsConnection", typeof(MonitoringConfiguration), "ConnectionId")]
    [InlineData("Get-DtMonitoringConfiguration", typeof(AwsConnection), "ConnectionId", "AccountId")]
    [InlineData("Get-DtMonitoringConfiguration", typeof(MonitoringConfiguration), "ConfigurationId")]
    public void A_Get_filters_by_the_ids_that_piped_objects_carry(string cmdlet, Type piped, params string[] filters)
    {
        foreach (var filter in filters)
        {
            Assert.True(CmdletMetadata.Parameter(CmdletMetadata.ByName(cmdlet), filter).ByPropertyName, $"{cmdlet} -{filter}");
            Assert.NotNull(piped.GetProperty(filter));
        }
    }

    [Fact]
    public void A_connection_is_not_looked_for_by_a_piped_account_which_it_lacks_until_its_role_arn_is_set()
    {
        Assert.False(CmdletMetadata.Parameter(CmdletMetadata.ByName("Get-DtAwsConnection"), "AccountId").ByPropertyName);
    }

    [Theory]
    [InlineData("Remove-DtAwsConnection")]
    [InlineData("Remove-DtMonitoringConfiguration")]
    public void Removing_asks_first_unless_Force_and_passes_the_removed_object_on_request(string name)
    {
        var cmdlet = CmdletMetadata.ByName(name);

        Assert.True(cmdlet.SupportsShouldProcess);
        Assert.Equal(nameof(ConfirmImpact.High), cmdlet.ConfirmImpact);
        Assert.Equal(typeof(SwitchParameter), CmdletMetadata.Parameter(cmdlet, "Force").Property.PropertyType);
        Assert.Equal(typeof(SwitchParameter), CmdletMetadata.Parameter(cmdlet, "PassThru").Property.PropertyType);
    }

    [Fact]
    public void The_connection_name_takes_wildcards()
    {
        var name = CmdletMetadata.Parameter(CmdletMetadata.ByName("Get-DtAwsConnection"), "Name").Property;
        Assert.Contains(name.GetCustomAttributesData(), a => a.AttributeType == typeof(SupportsWildcardsAttribute));
    }

    [Fact]
    public void Set_takes_only_the_identity_from_the_pipeline_so_Get_piped_to_Set_changes_only_what_is_named()
    {
        var set = CmdletMetadata.ByName("Set-DtMonitoringConfiguration");
        var byPropertyName = CmdletMetadata.Parameters(set).Where(p => p.ByPropertyName).Select(p => p.Name);

        Assert.Equal(new[] { "ConfigurationId" }, byPropertyName);
    }
}
