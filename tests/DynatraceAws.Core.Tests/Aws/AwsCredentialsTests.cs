using System;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;
using Xunit;

namespace DynatraceAws.Core.Tests.Aws
{
    public class AwsCredentialsTests
    {
        private const string Secret = "credentialsTestSecret/K7MDENG+bPxRfiCYEXAMPLEKEY";
        private const string Token = "credentialsTestSessionToken//////////wEXAMPLE";

        [Fact]
        public void ToString_shows_the_key_id_but_neither_secret_nor_token()
        {
            var credentials = new AwsCredentials("ASIAEXAMPLEKEYID", Secret, Token);
            var source = new StaticAwsCredentialSource(credentials);

            foreach (var text in new[] { credentials.ToString(), source.ToString() })
            {
                Assert.Contains("ASIAEXAMPLEKEYID", text);
                Assert.DoesNotContain(Secret, text);
                Assert.DoesNotContain(Token, text);
            }
        }

        [Fact]
        public void Secret_and_token_are_masked_wherever_they_later_appear()
        {
            _ = new AwsCredentials("AKIDEXAMPLE", Secret, Token);

            var redacted = Redactor.Redact($"echo {Secret} and {Token}");

            Assert.Equal($"echo {Redactor.Mask} and {Redactor.Mask}", redacted);
        }

        [Fact]
        public void An_empty_session_token_means_long_term_credentials()
        {
            Assert.Null(new AwsCredentials("AKIDEXAMPLE", Secret, "").SessionToken);
        }

        [Theory]
        [InlineData("", Secret)]
        [InlineData("AKIDEXAMPLE", "")]
        public void Keys_are_required(string accessKeyId, string secret)
        {
            Assert.Throws<ArgumentException>(() => new AwsCredentials(accessKeyId, secret));
        }
    }
}
