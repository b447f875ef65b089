using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using Xunit;

namespace DynatraceAws.Core.Tests.Onboarding;

public class InputRulesTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("my-prod-east45")]
    [InlineData("ünïcode name ok")]
    public void Accepts_valid_connection_names(string name) => Assert.Equal(name, InputRules.ConnectionName(name));

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("ab", "has 2 characters")]
    [InlineData("a:b:c", "contains ':'")]
    [InlineData(" padded ", "surrounding")]
    public void Rejects_connection_names_with_the_reason(string name, string problem)
    {
        var error = Assert.Throws<InvalidInputException>(() => InputRules.ConnectionName(name));
        Assert.Equal("Name", error.Field);
        Assert.Contains(problem, error.Message + error.RecommendedAction);
    }

    [Fact]
    public void Rejects_a_101_character_name() =>
        Assert.Contains("101 characters", Assert.Throws<InvalidInputException>(() => InputRules.ConnectionName(new string('a', 101))).Message);

    [Theory]
    [InlineData("012345678901", "012345678901")]
    [InlineData(" 123456789012 ", "123456789012")]
    public void Keeps_account_ids_as_text_with_leading_zeros(string input, string expected) =>
        Assert.Equal(expected, InputRules.AccountId(input));

    [Theory]
    [InlineData("12345678901", "11 digits")]
    [InlineData("1234567890123", "13 digits")]
    [InlineData("12345678901a", "not a 12-digit")]
    [InlineData("1.23457E+11", "not a 12-digit")]
    public void Rejects_account_ids(string input, string problem)
    {
        var error = Assert.Throws<InvalidInputException>(() => InputRules.AccountId(input));
        Assert.Equal("InvalidAccountId", error.ErrorId);
        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/DynatraceMonitoringRole", "123456789012")]
    [InlineData("arn:aws:iam::123456789012:role/path/to/Role", "123456789012")]
    public void Reads_the_account_of_a_role_arn(string arn, string account) => Assert.Equal(account, InputRules.RoleArn(arn));

    [Theory]
    [InlineData("arn:aws-cn:iam::123456789012:role/R")]
    [InlineData("arn:aws:iam::123:role/R")]
    [InlineData("arn:aws:iam::123456789012:user/R")]
    [InlineData("DynatraceMonitoringRole")]
    public void Rejects_role_arns_Dynatrace_would_refuse(string arn) =>
        Assert.Equal("RoleArn", Assert.Throws<InvalidInputException>(() => InputRules.RoleArn(arn)).Field);

    [Theory]
    [InlineData("aws-123456789012")]
    [InlineData("Prod")]
    public void Accepts_descriptions(string description) => Assert.Equal(description, InputRules.Description(description));

    [Theory]
    [InlineData("1abc")]
    [InlineData("has space")]
    [InlineData("under_score")]
    [InlineData("")]
    public void Rejects_descriptions(string description) =>
        Assert.Equal("Description", Assert.Throws<InvalidInputException>(() => InputRules.Description(description)).Field);

    [Fact]
    public void Splits_csv_cells_on_semicolons_and_commas() =>
        Assert.Equal(new[] { "us-east-1", "eu-west-1", "eu-central-1" },
            InputRules.SplitList(new[] { "us-east-1; eu-west-1", ",eu-central-1,", null }));

    [Fact]
    public void Filters_that_are_all_given_and_all_blank_are_EmptyFilter_naming_them()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            InputRules.NotAllBlank("connection", ("Name", " "), ("ConnectionId", null), ("AccountId", "")));

        Assert.Equal("EmptyFilter", error.ErrorId);
        Assert.Equal("Name and AccountId", error.Field);
        Assert.Contains("leave them out to get every connection", error.RecommendedAction);
    }

    [Fact]
    public void Filters_left_out_or_with_one_value_are_fine()
    {
        InputRules.NotAllBlank("connection", ("Name", null), ("ConnectionId", null));
        InputRules.NotAllBlank("connection", ("Name", ""), ("ConnectionId", "abc"));
    }
}
