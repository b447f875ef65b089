using System.Security;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>A platform token (dt0s16...), sent as a Bearer token.</summary>
    public sealed class PlatformTokenAuthorization : StaticTokenAuthorization
    {
        public PlatformTokenAuthorization(SecureString token)
            : base(token, "Bearer", "PlatformToken", "Token", "Pass a platform token with -Token, or set DT_PLATFORM_TOKEN.")
        {
        }
    }
}
