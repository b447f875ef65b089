using System.Collections.Generic;

namespace DynatraceAws.Emulator.Aws;

/// <summary>A customer-managed policy as it is stored now; <see cref="Document"/> is the default version's, as sent.</summary>
public sealed record IamPolicySnapshot(
    string Name,
    string Arn,
    string Path,
    string DefaultVersionId,
    int VersionCount,
    string Document,
    int AttachmentCount,
    IReadOnlyDictionary<string, string> Tags);
