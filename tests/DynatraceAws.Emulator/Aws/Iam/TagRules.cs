using System;
using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>
/// IAM's tag rules beyond each key's and value's own constraints: at most 50, no key twice (keys
/// compare case-insensitively), none under the reserved aws: prefix.
/// </summary>
internal static class TagRules
{
    public static IReadOnlyList<Tag> Read(QueryParameters parameters)
    {
        var tags = parameters.KeyValueList("Tags", IamInput.TagKey, IamInput.TagValue).Select(pair => new Tag(pair.Key, pair.Value)).ToArray();
        if (tags.Length > IamQuotas.TagsPerEntity)
        {
            throw AwsError.Validation(
                $"1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to {IamQuotas.TagsPerEntity}");
        }
        if (tags.GroupBy(tag => tag.Key, StringComparer.OrdinalIgnoreCase).Any(keys => keys.Count() > 1))
            throw AwsError.InvalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        if (tags.FirstOrDefault(tag => tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)) is { } reserved)
            throw AwsError.InvalidInput($"User-defined tag keys can't start with 'aws:'. Tag key: {reserved.Key}");
        return tags;
    }

    /// <summary>The tags after adding <paramref name="added"/>: a key already there (in any case) takes the new key and value.</summary>
    public static IReadOnlyList<Tag> Merge(IReadOnlyList<Tag> existing, IReadOnlyList<Tag> added)
    {
        var merged = existing.Where(tag => !added.Any(a => string.Equals(a.Key, tag.Key, StringComparison.OrdinalIgnoreCase)))
            .Concat(added)
            .ToArray();
        if (merged.Length > IamQuotas.TagsPerEntity)
            throw AwsError.LimitExceeded($"Cannot exceed quota for TagsPerRole: {IamQuotas.TagsPerEntity}");
        return merged;
    }
}
