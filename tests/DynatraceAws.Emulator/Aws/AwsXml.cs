using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace DynatraceAws.Emulator;

/// <summary>
/// The Query-protocol envelopes IAM and STS answer with: &lt;{Action}Response&gt; around
/// &lt;{Action}Result&gt; and ResponseMetadata, or &lt;ErrorResponse&gt;, in the service's namespace.
/// </summary>
internal static class AwsXml
{
    public const string IamNamespace = "https://iam.amazonaws.com/doc/2010-05-08/";
    public const string StsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static string NewRequestId() => Guid.NewGuid().ToString();

    /// <summary>An IAM error with a fresh request id.</summary>
    public static string Error(string type, string code, string message) =>
        Error(IamNamespace, type, code, message, NewRequestId());

    public static string Error(string xmlNamespace, string type, string code, string message, string requestId) =>
        Serialize(xmlNamespace, new XElement("ErrorResponse",
            new XElement("Error", new XElement("Type", type), new XElement("Code", code), new XElement("Message", message)),
            new XElement("RequestId", requestId)));

    /// <param name="result">The members of &lt;{Action}Result&gt;; none for actions without output, which have no Result element.</param>
    public static string Response(string xmlNamespace, string action, IReadOnlyList<XElement> result, string requestId) =>
        Serialize(xmlNamespace, new XElement(action + "Response",
            result.Count == 0 ? null : new XElement(action + "Result", result),
            new XElement("ResponseMetadata", new XElement("RequestId", requestId))));

    /// <summary>ISO 8601 in UTC to the second, as IAM and STS write timestamps.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A list member: &lt;{name}&gt;&lt;member&gt;…&lt;/member&gt;…&lt;/{name}&gt;.</summary>
    public static XElement List(string name, IEnumerable<IEnumerable<XElement?>> members) =>
        new(name, members.Select(member => new XElement("member", member)));

    private static string Serialize(string xmlNamespace, XElement root)
    {
        XNamespace ns = xmlNamespace;
        foreach (var element in root.DescendantsAndSelf()) element.Name = ns + element.Name.LocalName;
        return root.ToString(SaveOptions.DisableFormatting);
    }
}
