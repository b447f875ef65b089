using System.Security;

namespace DynatraceAws.Emulator;

/// <summary>The Query-protocol error envelope that IAM and STS answer with.</summary>
internal static class AwsXml
{
    public static string Error(string type, string code, string message) =>
        "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error>"
        + $"<Type>{type}</Type><Code>{SecurityElement.Escape(code)}</Code><Message>{SecurityElement.Escape(message)}</Message>"
        + $"</Error><RequestId>{System.Guid.NewGuid()}</RequestId></ErrorResponse>";
}
