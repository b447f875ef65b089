using System.Security;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>A token given by the user, sent as is with its scheme; it cannot be renewed from here.</summary>
    public abstract class StaticTokenAuthorization : IAuthorization
    {
        private readonly SecureString _token;
        private readonly string _scheme;

        protected StaticTokenAuthorization(SecureString token, string scheme, string kind, string field, string fix)
        {
            if (token is null || token.Length == 0)
                throw new InvalidInputException("MissingToken", field, null, "is empty", fix);
            _token = token.Copy();
            _token.MakeReadOnly();
            _scheme = scheme;
            Kind = kind;
            Redactor.Register(SecureStrings.Reveal(_token));
        }

        public string Kind { get; }

        public Task<string> HeaderValueAsync(CancellationToken cancellationToken) =>
            Task.FromResult(_scheme + " " + SecureStrings.Reveal(_token));

        public bool Invalidate(string rejectedHeaderValue) => false;
    }
}
