using System.Security;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>A classic access token (dt0c01...), sent as <c>Api-Token</c>: the config v1 API of Managed and classic SaaS.</summary>
    public sealed class ApiTokenAuthorization : StaticTokenAuthorization
    {
        public ApiTokenAuthorization(SecureString token)
            : base(token, "Api-Token", "ApiToken", "ApiToken",
                "Pass an access token with ReadConfig and WriteConfig scopes with -ApiToken, or set DT_API_TOKEN.")
        {
        }
    }
}
