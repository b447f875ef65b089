using System.Security;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>A classic access token (dt0c01...), sent as <c>Api-Token</c>: the config v1 API of Managed and classic SaaS.</summary>
    public sealed class ApiTokenAuthorization : IAuthorization
    {
        private readonly SecureString _token;

        public ApiTokenAuthorization(SecureString token)
        {
            if (token is null || token.Length == 0)
                throw new InvalidInputException("MissingToken", "ApiToken", null, "is empty",
                    "Pass an access token with ReadConfig and WriteConfig scopes with -ApiToken, or set DT_API_TOKEN.");
            _token = token.Copy();
            _token.MakeReadOnly();
            Redactor.Register(SecureStrings.Reveal(_token));
        }

        public string Kind => "ApiToken";

        public Task<string> HeaderValueAsync(CancellationToken cancellationToken) =>
            Task.FromResult("Api-Token " + SecureStrings.Reveal(_token));

        /// <summary>An access token cannot be renewed from here.</summary>
        public bool Invalidate(string rejectedHeaderValue) => false;
    }
}
