using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using Xunit;

namespace DynatraceAws.Core.Tests.AccountIam;

public class AccountErrorShapeTests : AccountIamTest
{
    [Fact]
    public async Task The_emulator_answers_a_rejected_statement_with_code_message_and_errorsMap_and_no_error_wrapper()
    {
        using var account = ConnectAccount();
        using var http = new HttpClient { BaseAddress = Emulator.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"iam/v1/repo/account/{AccountUuid}/policies")
        {
            Content = new StringContent("""{"name":"x","description":"","statementQuery":"ALLOW nope;","tags":[]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", await account.Authorization.HeaderValueAsync(default));

        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (int)body["code"]!);
        Assert.Contains("Unknown permission 'nope'", (string)body["message"]!);
        Assert.NotNull(body["errorsMap"]!["statementQuery"]);
        Assert.Null(body["error"]);
    }

    [Fact]
    public void An_errorsMap_entry_with_a_list_of_messages_becomes_one_violation_each()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.UnprocessableEntity);
        var ex = DynatraceErrors.FromResponse("Create IAM policy", response,
            """{"code":422,"message":"Validation failed.","errorsMap":{"name":["is too long","has a bad character"],"description":"is required"}}""");

        Assert.Equal(422, ex.StatusCode);
        Assert.Equal("Validation failed.", ex.ServerMessage);
        Assert.Equal(3, ex.ConstraintViolations.Count);
        Assert.Contains("[name: has a bad character]", ex.Message);
        Assert.Contains("[description: is required]", ex.Message);
    }
}
