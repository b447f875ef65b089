using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>A platform token (dt0s16...), sent as a Bearer token.</summary>
    public sealed class PlatformTokenAuthorization : IAuthorization
    {
        private readonly SecureString _token;

        public PlatformTokenAuthorization(SecureString token)
        {
            if (token is null || token.Length == 0)
                throw new InvalidInputException("MissingToken", "Token", null, "is empty",
                    "Pass a platform token with -Token, or set DT_PLATFORM_TOKEN.");
            _token = token.Copy();
            _token.MakeReadOnly();
            Redactor.Register(SecureStrings.Reveal(_token));
        }

        public string Kind => "PlatformToken";

        public Task<string> HeaderValueAsync(CancellationToken cancellationToken) =>
            Task.FromResult("Bearer " + SecureStrings.Reveal(_token));

        /// <summary>A platform token cannot be renewed from here.</summary>
        public bool Invalidate(string rejectedHeaderValue) => false;
    }
}
