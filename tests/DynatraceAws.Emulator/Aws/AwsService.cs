using System.Collections.Generic;
using System.Xml.Linq;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws;

/// <returns>The members of the action's Result element; none for actions without output.</returns>
internal delegate IReadOnlyList<XElement> AwsOperation(AwsCall call);

/// <summary>A Query-protocol service: its API version, XML namespace and actions.</summary>
internal sealed record AwsService(string SigningName, string ApiVersion, string XmlNamespace, IReadOnlyDictionary<string, AwsOperation> Operations)
{
    /// <summary>What an action without output returns.</summary>
    public static IReadOnlyList<XElement> NoOutput { get; } = [];

    /// <summary>The operation the request names; InvalidAction for an unknown action or API version.</summary>
    public AwsOperation Operation(QueryParameters parameters) =>
        parameters.Version == ApiVersion && Operations.TryGetValue(parameters.Action, out var operation)
            ? operation
            : throw new AwsError(400, "InvalidAction", $"Could not find operation {parameters.Action} for version {parameters.Version}");
}
