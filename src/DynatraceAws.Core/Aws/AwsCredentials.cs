using System;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Aws
{
    /// <summary>
    /// One set of AWS keys, long-term or temporary. The secret key and the session token never
    /// appear in <see cref="ToString"/>, and they are registered with the <see cref="Redactor"/>
    /// so that no message that happens to echo them (AWS's SignatureDoesNotMatch does) can leak them.
    /// </summary>
    public sealed class AwsCredentials
    {
        public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null)
        {
            if (string.IsNullOrWhiteSpace(accessKeyId))
                throw new ArgumentException("The AWS access key id is empty.", nameof(accessKeyId));
            if (string.IsNullOrEmpty(secretAccessKey))
                throw new ArgumentException("The AWS secret access key is empty.", nameof(secretAccessKey));

            AccessKeyId = accessKeyId;
            SecretAccessKey = secretAccessKey;
            SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
            Redactor.Register(secretAccessKey);
            Redactor.Register(SessionToken);
        }

        public string AccessKeyId { get; }

        public string SecretAccessKey { get; }

        /// <summary>Present for temporary credentials (STS); sent as X-Amz-Security-Token.</summary>
        public string? SessionToken { get; }

        public override string ToString() =>
            $"AwsCredentials(AccessKeyId={AccessKeyId}, {(SessionToken is null ? "long-term" : "temporary")})";
    }
}
