using DynatraceAws.Core.Aws.Organizations;
using Xunit;

namespace DynatraceAws.Core.Tests.Organizations;

public class OrganizationAccountQueryTests
{
    [Theory]
    [InlineData(null, false, "the whole organization")]
    [InlineData("  ", true, "the whole organization")]
    [InlineData(" ou-ab12-cdefgh34 ", false, "ou-ab12-cdefgh34")]
    [InlineData("ou-ab12-cdefgh34", true, "ou-ab12-cdefgh34 and the OUs below it")]
    public void A_blank_OU_is_the_whole_organization_and_the_scope_says_where_the_query_looks(string? unit, bool recurse, string scope)
    {
        var query = OrganizationAccountQuery.From(unit, recurse, new[] { OrganizationAccount.Active }, null);

        Assert.Equal(scope, query.Scope);
        Assert.Equal(string.IsNullOrWhiteSpace(unit) ? null : unit!.Trim(), query.OrganizationalUnitId);
        Assert.Empty(query.Exclude);
    }
}
