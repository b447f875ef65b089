using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Classic;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Plans;
using DynatraceAws.Emulator.Dynatrace;
using Xunit;

namespace DynatraceAws.Core.Tests.Classic;

public class AwsCredentialsTests : ClassicEmulatorTest
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Reads_the_environment_external_id_with_an_Api_Token()
    {
        var externalId = await Credentials().GetIamExternalIdAsync(None);

        Assert.Equal(Emulator.Dynatrace.IamExternalId, externalId.ExternalId);
        Assert.Equal("abc12345", externalId.EnvironmentId);
    }

    [Fact]
    public async Task The_SaaS_shape_at_the_root_reaches_the_same_API()
    {
        using var saas = DynatraceEnvironment.WithApiToken(Emulator.BaseUrl.ToString(), Secure(DynatraceState.LocalApiToken), "abc12345");

        Assert.Equal(Emulator.Dynatrace.IamExternalId, (await Credentials(saas).GetIamExternalIdAsync(None)).ExternalId);
    }

    [Fact]
    public async Task Creates_role_based_credentials_after_validating_them_and_reads_them_back()
    {
        var spec = RoleSpec();
        spec.TaggedOnly = true;
        spec.TagsToMonitor = new Dictionary<string, string> { ["team"] = "payments" };

        var created = await Credentials().CreateAsync(spec, None);

        Assert.NotEmpty(created.Id);
        Assert.Equal(("aws-prod", "ROLE", "210987654321", "DynatraceMonitoringRole"), (created.Label, created.AuthenticationType, created.AccountId, created.RoleName));
        Assert.Equal(Emulator.Dynatrace.IamExternalId, created.ExternalId);
        Assert.Equal("payments", created.TagsToMonitor["team"]);
        Assert.Equal("UNINITIALIZED", created.ConnectionStatus);
        var writes = Emulator.Log.Writes.Select(w => w.Path).ToArray();
        Assert.Equal(new[] { "/e/abc12345/api/config/v1/aws/credentials/validator", "/e/abc12345/api/config/v1/aws/credentials" }, writes);
    }

    [Fact]
    public async Task Connection_status_moves_to_CONNECTED_once_Dynatrace_can_assume_the_role()
    {
        var assumable = false;
        Emulator.Dynatrace.RoleCheckOverride = (roleArn, principal, externalId) =>
            assumable && roleArn == "arn:aws:iam::210987654321:role/DynatraceMonitoringRole"
            && principal == "arn:aws:iam::509560245411:root" && externalId == Emulator.Dynatrace.IamExternalId
                ? null
                : "not authorized to perform sts:AssumeRole";
        var credentials = Credentials();
        var created = await credentials.CreateAsync(RoleSpec(), None);

        assumable = true;

        Assert.Equal("UNINITIALIZED", created.ConnectionStatus);
        Assert.Equal("CONNECTED", (await credentials.GetAsync(created.Id, None)).ConnectionStatus);
    }

    [Fact]
    public async Task The_validator_returns_the_server_reasons_and_nothing_is_created()
    {
        var taggedWithoutTags = RoleSpec();
        taggedWithoutTags.TaggedOnly = true;

        var valid = await Credentials().TestAsync(RoleSpec(), None);
        var invalid = await Credentials().TestAsync(taggedWithoutTags, None);
        var refused = await Assert.ThrowsAsync<DynatraceApiException>(() => Credentials().CreateAsync(taggedWithoutTags, None));

        Assert.True(valid.IsValid);
        Assert.False(invalid.IsValid);
        Assert.Equal("tagsToMonitor: Name at least one tag when taggedOnly is true.", Assert.Single(invalid.Reasons));
        Assert.Equal(400, refused.StatusCode);
        Assert.Empty(await Credentials().ListAsync(None));
    }

    [Fact]
    public async Task The_emulator_refuses_an_id_on_POST_more_than_ten_tags_and_unknown_partitions()
    {
        using var http = new System.Net.Http.HttpClient { BaseAddress = Emulator.BaseUrl };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Api-Token " + DynatraceState.LocalApiToken);
        var tags = string.Join(",", Enumerable.Range(0, 11).Select(i => $"{{\"name\":\"t{i}\",\"value\":\"v\"}}"));
        var body = "{\"id\":\"mine\",\"label\":\"x\",\"partitionType\":\"AWS_MARS\",\"taggedOnly\":true,\"tagsToMonitor\":[" + tags + "]," +
                   "\"authenticationData\":{\"type\":\"ROLE\",\"roleBasedAuthentication\":{\"iamRole\":\"r\",\"accountId\":\"210987654321\"}}}";

        var answer = await http.PostAsync("e/abc12345/api/config/v1/aws/credentials/validator",
            new System.Net.Http.StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await answer.Content.ReadAsStringAsync();

        Assert.Equal(400, (int)answer.StatusCode);
        Assert.Contains("\"path\":\"id\"", text);
        Assert.Contains("\"path\":\"partitionType\"", text);
        Assert.Contains("\"path\":\"tagsToMonitor\"", text);
    }

    [Fact]
    public async Task More_than_ten_tags_or_tags_without_TaggedOnly_are_refused_before_any_request()
    {
        var tooMany = RoleSpec();
        tooMany.TaggedOnly = true;
        tooMany.TagsToMonitor = Enumerable.Range(0, 11).ToDictionary(i => $"t{i}", _ => "v");
        var untagged = RoleSpec();
        untagged.TagsToMonitor = new Dictionary<string, string> { ["team"] = "a" };

        Assert.Equal("TooManyTags", (await Assert.ThrowsAsync<InvalidInputException>(() => Credentials().PlanCreateAsync(tooMany, None))).ErrorId);
        Assert.Equal("TagsWithoutTaggedOnly", (await Assert.ThrowsAsync<InvalidInputException>(() => Credentials().PlanCreateAsync(untagged, None))).ErrorId);
        Assert.Empty(Emulator.Log.Entries);
    }

    [Fact]
    public async Task Key_based_credentials_never_return_the_secret_key()
    {
        var spec = new AwsCredentialSpec { Label = "keys", AccessKey = "AKIAEXAMPLE", SecretKey = Secure("wJalrXUtnFEMI-secret") };

        var created = await Credentials().CreateAsync(spec, None);

        Assert.Equal(("KEYS", "AKIAEXAMPLE"), (created.AuthenticationType, created.AccessKey));
        Assert.DoesNotContain(Log.Messages, line => line.Contains("wJalrXUtnFEMI-secret"));
    }

    [Fact]
    public async Task Updates_only_what_changes_lists_and_deletes()
    {
        var credentials = Credentials();
        var created = await credentials.CreateAsync(RoleSpec(), None);

        var updated = await credentials.PlanUpdateAsync(created.Id, spec => spec.Label = "aws-renamed", None).ApplyAsync(None);
        var listed = await credentials.ListAsync(None);
        var removal = await credentials.PlanDeleteAsync(created.Id, None);
        var removed = await removal.ApplyAsync(None);
        var again = await credentials.PlanDeleteAsync(created.Id, None);

        Assert.Equal(("aws-renamed", "210987654321"), (updated.Label, updated.AccountId));
        Assert.Equal(created.Id, Assert.Single(listed).Id);
        Assert.Equal($"Dynatrace: delete AWS credentials 'aws-renamed' ({created.Id})", Assert.Single(removal.Changes).ToString());
        Assert.Equal(created.Id, removed!.Id);
        Assert.Empty(await credentials.ListAsync(None));
        Assert.False(again.HasChanges);
        Assert.Null(again.Result());
    }

    /// <summary>As the Terraform provider does: the two flags a replace would otherwise reset are read and sent back.</summary>
    [Fact]
    public async Task A_change_keeps_credentials_disabled_in_the_UI_disabled_and_where_they_run()
    {
        var credentials = Credentials();
        var created = await credentials.CreateAsync(RoleSpec(), None);
        Emulator.Dynatrace.SetCredentialFlags(created.Id, credentialsEnabled: false, runningOnDynatraceInfrastructure: true);

        var updated = await credentials.PlanUpdateAsync(created.Id, spec => spec.Label = "aws-renamed", None).ApplyAsync(None);

        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("Authorization", "Api-Token " + DynatraceState.LocalApiToken);
        var stored = JsonNode.Parse(await http.GetStringAsync($"{Emulator.BaseUrl}e/abc12345/api/config/v1/aws/credentials/{created.Id}"))!;
        Assert.Equal("aws-renamed", updated.Label);
        Assert.Equal((false, true), ((bool?)stored["credentialsEnabled"], (bool?)stored["runningOnDynatraceInfrastructure"]));
    }

    [Fact]
    public async Task A_change_is_planned_in_words_and_one_that_changes_nothing_writes_nothing()
    {
        var credentials = Credentials();
        var created = await credentials.CreateAsync(RoleSpec(), None);
        Emulator.Log.Clear();

        var same = await credentials.PlanUpdateAsync(created.Id, spec => spec.Label = created.Label, None);
        var kept = await same.ApplyAsync(None);
        var tagged = await credentials.PlanUpdateAsync(created.Id, spec =>
        {
            spec.TaggedOnly = true;
            spec.TagsToMonitor["team"] = "payments";
        }, None);

        Assert.False(same.HasChanges);
        Assert.Equal(created.Id, kept.Id);
        Assert.Empty(Emulator.Log.Writes);
        Assert.Equal($"Dynatrace: update AWS credentials 'aws-prod' ({created.Id}): resources all; tags none -> resources tagged only; tags team=payments",
            Assert.Single(tagged.Changes).ToString());
    }

    [Fact]
    public async Task Creating_the_same_credentials_twice_leaves_one_and_the_rerun_writes_nothing()
    {
        var credentials = Credentials();
        var spec = RoleSpec();
        spec.TaggedOnly = true;
        spec.TagsToMonitor = new Dictionary<string, string> { ["team"] = "payments", ["env"] = "prod" };

        var first = await credentials.PlanCreateAsync(spec, None);
        var created = await first.ApplyAsync(None);
        Emulator.Log.Clear();
        spec.TagsToMonitor = new Dictionary<string, string> { ["env"] = "prod", ["team"] = "payments" };
        var again = await credentials.PlanCreateAsync(spec, None);

        Assert.Equal("Dynatrace: create AWS credentials 'aws-prod' (role DynatraceMonitoringRole of account 210987654321)", Assert.Single(first.Changes).ToString());
        Assert.False(again.HasChanges);
        Assert.Equal(created.Id, again.Result().Id);
        Assert.Equal($"AWS credentials 'aws-prod' ({created.Id}) already exist as asked; nothing to create.", again.Unchanged);
        Assert.Empty(Emulator.Log.Writes);
        Assert.Single(await credentials.ListAsync(None));
    }

    [Fact]
    public async Task Credentials_of_the_label_that_differ_are_CredentialLabelTaken_naming_the_difference_and_Set_DtAwsCredential()
    {
        var credentials = Credentials();
        var created = await credentials.PlanCreateAsync(RoleSpec(), None).ApplyAsync(None);
        Emulator.Log.Clear();
        var other = RoleSpec();
        other.AccountId = "123456789012";

        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() => credentials.PlanCreateAsync(other, None));

        Assert.Equal("CredentialLabelTaken", error.ErrorId);
        Assert.Equal($"AWS credentials 'aws-prod' ({created.Id}) exist with authentication role DynatraceMonitoringRole of account 210987654321, " +
                     "not authentication role DynatraceMonitoringRole of account 123456789012.", error.Message);
        Assert.Contains($"Set-DtAwsCredential -Id {created.Id}", error.RecommendedAction);
        Assert.Empty(Emulator.Log.Writes);
    }

    [Fact]
    public async Task Key_based_credentials_given_again_with_their_secret_key_are_as_asked()
    {
        var credentials = Credentials();
        var spec = new AwsCredentialSpec { Label = "keys", AccessKey = "AKIA1", SecretKey = Secure("sk") };
        await credentials.PlanCreateAsync(spec, None).ApplyAsync(None);

        Assert.False((await credentials.PlanCreateAsync(spec, None)).HasChanges);
    }

    [Fact]
    public async Task Lists_every_credential_in_full_in_the_order_Dynatrace_lists_them()
    {
        var credentials = Credentials();
        var created = new List<AwsCredential>();
        foreach (var label in new[] { "aws-a", "aws-b", "aws-c" })
        {
            var spec = RoleSpec();
            spec.Label = label;
            created.Add(await credentials.CreateAsync(spec, None));
        }

        var listed = await credentials.ListAsync(None);

        Assert.Equal(created.Select(c => c.Id), listed.Select(c => c.Id));
        Assert.All(listed, c => Assert.Equal("210987654321", c.AccountId));
    }

    [Fact]
    public async Task Updating_key_based_credentials_needs_the_secret_key_again()
    {
        var credentials = Credentials();
        var created = await credentials.CreateAsync(new AwsCredentialSpec { Label = "keys", AccessKey = "AKIA1", SecretKey = Secure("sk") }, None);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => credentials.PlanUpdateAsync(created.Id, spec => spec.Label = "k2", None));

        Assert.Equal("MissingKeyPair", error.ErrorId);
    }

    [Fact]
    public async Task A_wrong_token_is_401_and_a_read_only_token_cannot_write()
    {
        Emulator.Dynatrace.AddApiToken("dt0c01.READER.secret", ClassicScopes.ReadConfig);

        var unknown = await Assert.ThrowsAsync<DynatraceApiException>(() => Credentials(ConnectClassic("dt0c01.NOBODY.x")).GetIamExternalIdAsync(None));
        var reader = await Assert.ThrowsAsync<DynatraceApiException>(() => Credentials(ConnectClassic("dt0c01.READER.secret")).CreateAsync(RoleSpec(), None));

        Assert.Equal(401, unknown.StatusCode);
        Assert.Equal(403, reader.StatusCode);
    }

    [Fact]
    public async Task The_access_token_appears_in_no_message_error_or_output()
    {
        const string token = "dt0c01.LEAKCHECK.secret-part-of-the-token-0123456789";
        using var environment = ConnectClassic(token);

        var error = await Assert.ThrowsAsync<DynatraceApiException>(() => Credentials(environment).GetIamExternalIdAsync(None));

        Assert.DoesNotContain("secret-part", error.Message + error.RecommendedAction + environment + environment.EnvironmentUrl);
        Assert.DoesNotContain(Log.Messages, line => line.Contains("secret-part"));
    }

    [Fact]
    public void The_platform_token_does_not_open_the_classic_API()
    {
        var error = Assert.Throws<DynatraceAwsException>(() => new AwsCredentials(Environment));

        Assert.Equal("ClassicConnectionRequired", error.ErrorId);
    }
}
