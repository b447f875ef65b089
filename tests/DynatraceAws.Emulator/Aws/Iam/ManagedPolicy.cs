using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>
/// A customer-managed policy and its versions: at most five, numbered v1, v2, ... without ever
/// reusing a number, one of them the default.
/// </summary>
internal sealed class ManagedPolicy
{
    private readonly List<PolicyVersion> _versions = [];
    private int _lastVersionNumber;

    public ManagedPolicy(string accountId, string name, string path, string? description, IReadOnlyList<Tag> tags, string document,
        DateTimeOffset now)
    {
        Name = name;
        Path = path;
        Id = IamIds.Policy();
        Arn = IamArn.Policy(accountId, path, name);
        Description = description;
        Tags = tags;
        Created = now;
        DefaultVersion = AddVersion(document, setAsDefault: true, now);
    }

    public string Name { get; }
    public string Path { get; }
    public string Id { get; }
    public string Arn { get; }

    /// <summary>Set at creation only; IAM has no call that changes it.</summary>
    public string? Description { get; }

    public IReadOnlyList<Tag> Tags { get; }
    public DateTimeOffset Created { get; }
    public DateTimeOffset Updated { get; private set; }
    public PolicyVersion DefaultVersion { get; private set; }

    /// <summary>Newest first, as ListPolicyVersions returns them.</summary>
    public IReadOnlyList<PolicyVersion> Versions => _versions.AsEnumerable().Reverse().ToArray();

    public PolicyVersion AddVersion(string document, bool setAsDefault, DateTimeOffset now)
    {
        if (_versions.Count >= IamQuotas.VersionsPerPolicy)
        {
            throw AwsError.LimitExceeded(
                $"A managed policy can have up to {IamQuotas.VersionsPerPolicy} versions. Before you create a new version, you must delete an existing version.");
        }
        var version = new PolicyVersion("v" + (++_lastVersionNumber).ToString(CultureInfo.InvariantCulture), document, now);
        _versions.Add(version);
        if (setAsDefault) DefaultVersion = version;
        Updated = now;
        return version;
    }

    public PolicyVersion Version(string versionId) =>
        _versions.Find(version => version.Id == versionId)
        ?? throw AwsError.NoSuchEntity($"Policy {Arn} version {versionId} does not exist or is not attachable.");

    public void DeleteVersion(string versionId)
    {
        var version = Version(versionId);
        if (version == DefaultVersion) throw AwsError.DeleteConflict("Cannot delete the default version of a policy.");
        _versions.Remove(version);
    }
}
