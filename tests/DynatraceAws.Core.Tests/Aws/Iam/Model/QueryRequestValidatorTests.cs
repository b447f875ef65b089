using System;
using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Core.Tests.Aws.Model;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws.Iam.Model
{
    /// <summary>The validator that judges the IAM client must itself reject what IAM would reject.</summary>
    public class QueryRequestValidatorTests
    {
        private static readonly (string Key, string Value)[] ValidCreateRole =
        {
            ("Action", "CreateRole"),
            ("Version", "2010-05-08"),
            ("RoleName", "DynatraceMonitoringRole"),
            ("AssumeRolePolicyDocument", "{\"Version\":\"2012-10-17\"}"),
            ("Path", "/"),
            ("MaxSessionDuration", "3600"),
            ("Tags.member.1.Key", "Dynatrace:EnvironmentID"),
            ("Tags.member.1.Value", "abc12345"),
        };

        private static IReadOnlyList<string> Validate(IEnumerable<(string Key, string Value)> form) =>
            QueryRequestValidator.Validate(BotocoreModel.Iam, form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList());

        private static IEnumerable<(string Key, string Value)> With(string key, string? value) =>
            value is null
                ? ValidCreateRole.Where(f => f.Key != key)
                : ValidCreateRole.Any(f => f.Key == key)
                    ? ValidCreateRole.Select(f => f.Key == key ? (key, value) : f)
                    : ValidCreateRole.Append((key, value));

        [Fact]
        public void A_valid_request_has_no_violations()
        {
            Assert.Empty(Validate(ValidCreateRole));
        }

        [Theory]
        [InlineData("Action", "CreateRoles", "not an operation")]
        [InlineData("Version", "2011-06-15", "Version is '2011-06-15'")]
        [InlineData("RoleNme", "x", "RoleNme is not a member of CreateRoleRequest")]
        [InlineData("RoleName", null, "required member RoleName")]
        [InlineData("RoleName", "a-role-name-that-is-far-too-long-for-iam-which-allows-only-sixty-four", "more than 64")]
        [InlineData("RoleName", "", "fewer than 1")]
        [InlineData("RoleName", "has space", "does not match")]
        [InlineData("RoleName", "rôle", "does not match")]
        [InlineData("Path", "dynatrace", "does not match")]
        [InlineData("AssumeRolePolicyDocument", "{\"Sid\":\"smart “quotes”\"}", "does not match")]
        [InlineData("MaxSessionDuration", "60", "less than 3600")]
        [InlineData("MaxSessionDuration", "one hour", "not a whole number")]
        [InlineData("Tags.member.1.Value", null, "required member Tags.member.1.Value")]
        [InlineData("Tags.member.3.Key", "gap", "indexes must run 1..2; 2 is missing")]
        [InlineData("Tags.1.Key", "k", "serialized as Tags.member.N")]
        [InlineData("Tags.member.1.Key", "key<with>brackets", "does not match")]
        [InlineData("RoleName.member.1", "x", "has sub-keys")]
        public void A_violation_is_reported_with_what_and_where(string key, string? value, string expected)
        {
            var violations = Validate(With(key, value));

            Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
        }

        [Fact]
        public void Booleans_must_be_true_or_false()
        {
            var violations = Validate(new[]
            {
                ("Action", "CreatePolicyVersion"), ("Version", "2010-05-08"),
                ("PolicyArn", "arn:aws:iam::123456789012:policy/p"), ("PolicyDocument", "{}"), ("SetAsDefault", "yes"),
            });

            Assert.Contains(violations, v => v.Contains("SetAsDefault must be true or false", StringComparison.Ordinal));
        }

        [Fact]
        public void Lists_respect_their_maximum_length()
        {
            var tags = Enumerable.Range(1, 51).SelectMany(n => new[] { ($"Tags.member.{n}.Key", $"k{n}"), ($"Tags.member.{n}.Value", "v") });

            var violations = Validate(ValidCreateRole.Where(f => !f.Key.StartsWith("Tags.", StringComparison.Ordinal)).Concat(tags));

            Assert.Contains(violations, v => v.Contains("Tags has 51 items, more than 50", StringComparison.Ordinal));
        }
    }
}
