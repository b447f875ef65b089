using System;
using System.Collections.Generic;
using DynatraceAws.Core.Tests.Aws.Model;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws.Organizations.Model;

/// <summary>The validator that judges the Organizations client and the emulator must itself reject what breaks the model.</summary>
public sealed class JsonProtocolValidatorTests
{
    private const string Target = "AWSOrganizationsV20161128.ListAccountsForParent";
    private const string Account =
        "{\"Id\":\"300000000001\",\"Arn\":\"arn:aws:organizations::100000000000:account/o-emu1234567/300000000001\"," +
        "\"Email\":\"member-01@example.com\",\"Name\":\"prod-01\",\"Status\":\"ACTIVE\",\"State\":\"ACTIVE\"," +
        "\"JoinedMethod\":\"CREATED\",\"JoinedTimestamp\":1768472430.5}";

    private static IReadOnlyList<string> Request(string? target, string body) =>
        JsonProtocolValidator.Request(BotocoreModel.Organizations, target, body);

    private static IReadOnlyList<string> Answer(string operation, int status, string body) =>
        JsonProtocolValidator.Answer(BotocoreModel.Organizations, operation, status, body);

    [Fact]
    public void A_valid_request_and_a_valid_answer_have_no_violations()
    {
        Assert.Empty(Request(Target, "{\"ParentId\":\"ou-emu1-abcdefgh\",\"NextToken\":\"abc\",\"MaxResults\":20}"));
        Assert.Empty(Request("AWSOrganizationsV20161128.DescribeOrganization", "{}"));
        Assert.Empty(Answer("ListAccountsForParent", 200, "{\"Accounts\":[" + Account + "],\"NextToken\":\"abc\"}"));
        Assert.Empty(Answer("ListRoots", 400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"denied\"}"));
    }

    [Theory]
    [InlineData("AWSOrganizationsV20161128.ListAccountz", "{}", "is not AWSOrganizationsV20161128.<an operation")]
    [InlineData(null, "{}", "is not AWSOrganizationsV20161128.<an operation")]
    [InlineData(Target, "{}", "required member ParentId of ListAccountsForParentRequest is missing")]
    [InlineData(Target, "{\"ParentID\":\"r-emu1\"}", "ParentID is not a member of ListAccountsForParentRequest")]
    [InlineData(Target, "{\"ParentId\":\"account-7\"}", "does not match ParentId's pattern")]
    [InlineData(Target, "{\"ParentId\":\"r-emu1\",\"MaxResults\":21}", "MaxResults is 21, more than 20")]
    [InlineData(Target, "{\"ParentId\":\"r-emu1\",\"MaxResults\":\"5\"}", "MaxResults (MaxResults) has type integer, but is JSON String")]
    [InlineData(Target, "ParentId=r-emu1", "the body is not JSON")]
    [InlineData("AWSOrganizationsV20161128.DescribeOrganization", "{\"Id\":\"o-1\"}", "has no members here")]
    public void A_broken_request_is_reported_with_what_and_where(string? target, string body, string expected)
    {
        Assert.Contains(Request(target, body), v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"Accounts\":[" + Account + "],\"NextToken\":7}", "NextToken (NextToken) has type string, but is JSON Number")]
    [InlineData("{\"Account\":[]}", "Account is not a member of ListAccountsForParentResponse")]
    [InlineData("{\"Accounts\":{}}", "Accounts (Accounts) has type list, but is JSON Object")]
    [InlineData("{\"Accounts\":[{\"Id\":\"30000000001\"}]}", "Accounts[0].Id '30000000001' does not match AccountId's pattern")]
    [InlineData("{\"Accounts\":[{\"Status\":\"active\"}]}", "Accounts[0].Status 'active' is not one of ACTIVE, SUSPENDED, PENDING_CLOSURE")]
    [InlineData("{\"Accounts\":[{\"JoinedTimestamp\":\"2026-01-15T10:20:30Z\"}]}", "has type timestamp (epoch seconds), but is JSON String")]
    [InlineData("{\"Accounts\":[{\"AccountId\":\"300000000001\"}]}", "Accounts[0].AccountId is not a member of Account")]
    public void A_broken_answer_is_reported_with_what_and_where(string body, string expected)
    {
        Assert.Contains(Answer("ListAccountsForParent", 200, body), v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"__type\":\"NoSuchEntity\",\"Message\":\"x\"}", "not one of")]
    [InlineData("{\"Message\":\"x\"}", "has __type ''")]
    [InlineData("{\"__type\":\"ParentNotFoundException\",\"message\":\"x\"}", "message is not a member of ParentNotFoundException")]
    public void A_broken_error_answer_is_reported(string body, string expected)
    {
        Assert.Contains(Answer("ListAccountsForParent", 400, body), v => v.Contains(expected, StringComparison.Ordinal));
    }
}
