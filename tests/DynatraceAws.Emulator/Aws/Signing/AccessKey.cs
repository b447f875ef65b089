using System;

namespace DynatraceAws.Emulator.Aws.Signing;

/// <summary>
/// Keys the emulator issued: an account's long-term keys, or temporary ones from AssumeRole, which
/// carry a session token and an expiry.
/// </summary>
internal sealed record AccessKey(string AccessKeyId, string SecretAccessKey, AwsCaller Caller, string? SessionToken = null,
    DateTimeOffset? Expiration = null);
