using Xunit;

namespace DynatraceAws.Core.Tests.AccountIam.Contract;

/// <summary>The contract that judges the account client and the emulator must itself refuse a broken request or answer.</summary>
public class OpenApiContractTests
{
    private const string Groups = "/iam/v1/accounts/12a34567-8901-4bc3-845e-6f7a8b901234/groups";
    private const string Policies = "/iam/v1/repo/account/12a34567-8901-4bc3-845e-6f7a8b901234/policies";
    private const string Group = """{"uuid":"9576cbe7-345d-41be-b77e-9a34c2c4f007","name":"g","owner":"LOCAL","createdAt":"2021-05-01T15:11:00Z","updatedAt":"2021-05-01T15:11:00Z"}""";

    private static OpenApiContract Contract => OpenApiContract.AccountManagement;

    [Fact]
    public void Valid_requests_and_answers_have_no_violations()
    {
        Assert.Empty(Contract.CheckRequest("POST", Groups, """[{"name":"g","description":"d"}]"""));
        Assert.Empty(Contract.CheckRequest("DELETE", Policies + "/p1?force=false", null));
        Assert.Empty(Contract.CheckResponse("GET", Groups, 200, $$"""{"count":1,"items":[{{Group}}]}"""));
        Assert.Empty(Contract.CheckResponse("PUT", Policies + "/p1", 204, ""));
    }

    [Theory]
    [InlineData("GET", Groups + "s", null, "is not an operation")]
    [InlineData("PATCH", Groups, null, "is not an operation")]
    [InlineData("GET", Groups + "?page-size=5", null, "page-size is not declared")]
    [InlineData("DELETE", Policies + "/p1", null, "required query parameter force is missing")]
    [InlineData("GET", "/iam/v1/accounts/a/service-users?page-size=many", null, "page-size is 'many', not a integer")]
    [InlineData("POST", Groups, null, "required body is missing")]
    [InlineData("POST", Groups, """{"name":"g"}""", "$ is {\"name\":\"g\"}, not a array")]
    [InlineData("POST", Groups, """[{"description":"d"}]""", "$[0] lacks the required member name")]
    [InlineData("POST", Groups, """[{"name":"g","uuid":"u"}]""", "$[0].uuid is read-only but was sent")]
    [InlineData("POST", Policies, """{"name":"p","description":"","statementQuery":7}""", "$.statementQuery is 7, not a string")]
    [InlineData("GET", Groups, "{}", "takes no body")]
    public void A_broken_request_is_a_violation(string method, string pathAndQuery, string? body, string expected)
    {
        Assert.Contains(Contract.CheckRequest(method, pathAndQuery, body), v => v.Contains(expected));
    }

    [Theory]
    [InlineData("GET", Groups, 201, "{}", "201 is not among its responses")]
    [InlineData("GET", Groups, 200, "", "has no body")]
    [InlineData("GET", Groups, 200, """{"count":1,"items":[{"name":"g","owner":"LOCAL"}]}""", "$.items[0] lacks the required member createdAt")]
    [InlineData("GET", Groups, 200, """{"count":"1","items":[]}""", "$.count is \"1\", not a number")]
    [InlineData("PUT", Policies + "/p1", 201, "", "the 201 answer has no body")]
    [InlineData("PUT", Policies + "/p1", 204, "{}", "has a body, the contract none")]
    public void A_broken_answer_is_a_violation(string method, string pathAndQuery, int status, string body, string expected)
    {
        Assert.Contains(Contract.CheckResponse(method, pathAndQuery, status, body), v => v.Contains(expected));
    }

    [Fact]
    public void An_owner_outside_the_enum_is_a_violation()
    {
        var body = $$"""{"count":1,"items":[{{Group.Replace("LOCAL", "NOBODY")}}]}""";

        Assert.Contains(Contract.CheckResponse("GET", Groups, 200, body), v => v.Contains("$.items[0].owner is \"NOBODY\", not one of"));
    }

    [Fact]
    public void The_most_literal_template_wins()
    {
        Assert.Equal("/iam/v1/repo/{levelType}/{levelId}/bindings/groups/{groupUuid}", Contract.TemplateOf("GET", "/iam/v1/repo/account/a/bindings/groups/g"));
        Assert.Equal("/iam/v1/repo/{levelType}/{levelId}/bindings/{policyUuid}/{groupUuid}", Contract.TemplateOf("DELETE", "/iam/v1/repo/account/a/bindings/p/g"));
    }
}
