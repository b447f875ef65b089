namespace DynatraceAws.Core.Tests.Aws.Iam
{
    /// <summary>Hand-written IAM answers, shaped as in shared/reference/aws-iam.md.</summary>
    internal static class IamXmlSamples
    {
        public const string Namespace = "https://iam.amazonaws.com/doc/2010-05-08/";

        public static string Success(string action, string resultContent = "") =>
            $"<{action}Response xmlns=\"{Namespace}\">" +
            (resultContent.Length == 0 ? "" : $"<{action}Result>{resultContent}</{action}Result>") +
            $"<ResponseMetadata><RequestId>ok-{action}</RequestId></ResponseMetadata></{action}Response>";

        public static string Error(string code, string message, string type = "Sender") =>
            $"<ErrorResponse xmlns=\"{Namespace}\"><Error><Type>{type}</Type><Code>{code}</Code>" +
            $"<Message>{message}</Message></Error><RequestId>req-{code}</RequestId></ErrorResponse>";

        public static string Role(string roleName, string encodedTrustPolicy) =>
            "<Role><Path>/</Path>" +
            $"<RoleName>{roleName}</RoleName><RoleId>AROADBQP57FF2AEXAMPLE</RoleId>" +
            $"<Arn>arn:aws:iam::123456789012:role/{roleName}</Arn><CreateDate>2026-01-15T10:20:30Z</CreateDate>" +
            $"<AssumeRolePolicyDocument>{encodedTrustPolicy}</AssumeRolePolicyDocument></Role>";

        public static string AttachedPolicies(bool isTruncated, string? marker, params string[] names)
        {
            var members = string.Concat(System.Linq.Enumerable.Select(names, n =>
                $"<member><PolicyName>{n}</PolicyName><PolicyArn>arn:aws:iam::123456789012:policy/{n}</PolicyArn></member>"));
            return $"<AttachedPolicies>{members}</AttachedPolicies><IsTruncated>{(isTruncated ? "true" : "false")}</IsTruncated>" +
                   (marker is null ? "" : $"<Marker>{marker}</Marker>");
        }
    }
}
