using System;
using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Onboarding;
using Xunit;

namespace DynatraceAws.Tests;

/// <summary>
/// Each hop of `Import-Csv | New-DtAwsConnection | New-DtMonitoringRole | Set-DtConnectionRoleArn |
/// New-DtMonitoringConfiguration` gets its mandatory parameters by property name, from the previous
/// cmdlet's output type or from the CSV columns (AccountId, Name, Region).
/// </summary>
public class PipelineBindingTests
{
    private static readonly string[] CsvColumns = { "AccountId", "Name", "Region" };

    public static IEnumerable<object[]> Hops => new[]
    {
        new object[] { "New-DtAwsConnection", CsvColumns },
        new object[] { "New-DtMonitoringRole", PropertiesOf(typeof(AwsConnection)) },
        new object[] { "Set-DtConnectionRoleArn", PropertiesOf(typeof(MonitoringRole)) },
        new object[] { "New-DtMonitoringConfiguration", PropertiesOf(typeof(AwsConnection)).Concat(CsvColumns).ToArray() },
        new object[] { "Get-DtExtensionSchemaVersion", PropertiesOf(typeof(ExtensionVersion)) },
    };

    [Theory]
    [MemberData(nameof(Hops))]
    public void Mandatory_parameters_bind_by_property_name_from_the_previous_hop(string cmdlet, string[] available)
    {
        foreach (var parameter in CmdletMetadata.Parameters(CmdletMetadata.ByName(cmdlet)).Where(p => p.Mandatory))
        {
            Assert.True(parameter.ByPropertyName, $"{cmdlet} -{parameter.Name} must bind by property name");
            Assert.True(parameter.NamesAndAliases.Intersect(available).Any(),
                $"{cmdlet} -{parameter.Name} finds no property among {string.Join(", ", available)}");
        }
    }

    /// <summary>The hops before New-DtMonitoringConfiguration take each column it reads, to carry it along (tests/pester shows them arrive).</summary>
    [Fact]
    public void Every_column_the_monitoring_configuration_reads_rides_along_the_pipeline()
    {
        var columns = CmdletMetadata.Parameters(CmdletMetadata.ByName("New-DtMonitoringConfiguration")).Where(p => p.ByPropertyName).Select(p => p.Name).ToArray();
        Assert.Contains("FeatureSet", columns);
        foreach (var hop in new[] { "New-DtAwsConnection", "New-DtMonitoringRole", "Set-DtConnectionRoleArn" })
        {
            var cmdlet = CmdletMetadata.ByName(hop);
            var carried = CmdletMetadata.Parameters(cmdlet).Where(p => p.ByPropertyName).SelectMany(p => p.NamesAndAliases)
                .Concat(CmdletMetadata.OutputTypes(cmdlet).SelectMany(PropertiesOf)).ToHashSet();
            var dropped = columns.Where(c => !carried.Contains(c)).ToArray();
            Assert.True(dropped.Length == 0, $"{hop} drops the column(s) {string.Join(", ", dropped)} on the way to New-DtMonitoringConfiguration.");
        }
    }

    [Fact]
    public void The_connection_name_reaches_the_configuration_description_of_its_credential()
    {
        var parameter = CmdletMetadata.Parameter(CmdletMetadata.ByName("New-DtMonitoringConfiguration"), "ConnectionName");
        Assert.Contains("Name", parameter.NamesAndAliases);
        Assert.True(parameter.ByPropertyName);
    }

    private static string[] PropertiesOf(Type type) => type.GetProperties().Select(p => p.Name).ToArray();
}
