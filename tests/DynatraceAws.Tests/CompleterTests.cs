using System.Linq;
using System.Management.Automation;
using System.Reflection;
using DynatraceAws.Commands.Completion;
using Xunit;

namespace DynatraceAws.Tests;

/// <summary>Every parameter that promises completion declares its completer (the completions themselves run in tests/pester).</summary>
public class CompleterTests
{
    [Theory]
    [InlineData("Region", typeof(RegionCompleter))]
    [InlineData("DeploymentRegion", typeof(RegionCompleter))]
    [InlineData("EndpointRegion", typeof(RegionCompleter))]
    [InlineData("FeatureSet", typeof(FeatureSetCompleter))]
    [InlineData("ProfileName", typeof(ProfileNameCompleter))]
    public void Each_parameter_of_this_name_completes(string parameter, System.Type completer)
    {
        var found = CmdletMetadata.Cmdlets.SelectMany(CmdletMetadata.Parameters).Where(p => p.Name == parameter).ToArray();
        Assert.NotEmpty(found);
        foreach (var p in found)
            Assert.Contains(p.Property.GetCustomAttributesData(),
                a => a.AttributeType == typeof(ArgumentCompleterAttribute) && (System.Type?)a.ConstructorArguments[0].Value == completer);
    }

    [Theory]
    [InlineData("Get-DtAwsConnection", "Name")]
    [InlineData("Register-DtAwsAccount", "ConnectionName")]
    [InlineData("Unregister-DtAwsAccount", "ConnectionName")]
    [InlineData("Test-DtAwsAccount", "ConnectionName")]
    public void Connection_names_complete_from_the_live_environment(string cmdlet, string parameter)
    {
        var name = CmdletMetadata.Parameter(CmdletMetadata.ByName(cmdlet), parameter);
        Assert.Contains(name.Property.GetCustomAttributesData(),
            a => a.AttributeType == typeof(ArgumentCompleterAttribute) && (System.Type?)a.ConstructorArguments[0].Value == typeof(ConnectionNameCompleter));
    }

    [Theory]
    [InlineData("ConnectionId", typeof(ConnectionIdCompleter))]
    [InlineData("ConfigurationId", typeof(ConfigurationIdCompleter))]
    [InlineData("AccountId", typeof(AccountIdCompleter))]
    public void Ids_complete_from_the_live_environment(string parameter, System.Type completer)
    {
        // The classic credentials cmdlets name accounts of Dynatrace Managed, which has no connections or configurations to read.
        var found = CmdletMetadata.Cmdlets.Where(c => !c.Name.EndsWith("-DtAwsCredential"))
            .SelectMany(CmdletMetadata.Parameters).Where(p => p.Name == parameter).ToArray();
        Assert.True(found.Length >= 4, $"-{parameter} is on {found.Length} cmdlets only.");
        foreach (var p in found)
            Assert.Contains(p.Property.GetCustomAttributesData(),
                a => a.AttributeType == typeof(ArgumentCompleterAttribute) && (System.Type?)a.ConstructorArguments[0].Value == completer);
    }
}
