using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using Xunit;

namespace DynatraceAws.Core.Tests.AccountIam;

/// <summary>-LevelType is checked here, not by a ValidateSet: an empty CSV cell is the account level, a wrong value an error that says what is allowed.</summary>
public class PolicyLevelTests : AccountIamTest
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Account")]
    public void Blank_or_account_in_any_case_is_the_connected_account(string? type)
    {
        using var account = ConnectAccount();
        var level = PolicyLevel.For(account, type, "");
        Assert.Equal(("account", AccountUuid), (level.Type, level.Id));
    }

    [Fact]
    public void An_environment_needs_its_id_and_global_needs_none()
    {
        using var account = ConnectAccount();
        Assert.Equal("environment abc12345", PolicyLevel.For(account, " Environment ", " abc12345 ").ToString());
        Assert.Equal("global global", PolicyLevel.For(account, "GLOBAL", null).ToString());
        Assert.Equal("MissingLevelId", Assert.Throws<InvalidInputException>(() => PolicyLevel.For(account, "environment", "")).ErrorId);
    }

    [Fact]
    public void A_wrong_type_names_the_field_the_value_and_the_allowed_values()
    {
        using var account = ConnectAccount();
        var ex = Assert.Throws<InvalidInputException>(() => PolicyLevel.For(account, "tenant", null));
        Assert.Equal(("InvalidLevelType", "LevelType", "tenant"), (ex.ErrorId, ex.Field, ex.Value));
        Assert.Equal(FailureCategory.InvalidArgument, ex.Category);
        Assert.Equal("LevelType 'tenant' is not one of account, environment, global", ex.Message);
        Assert.Equal(new[] { "account", "environment", "global" }, PolicyLevel.Types);
    }
}
