using System;
using System.Collections.Generic;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>
    /// The same account or connection name twice in one run: the later rows fail, the first goes on.
    /// The engine puts the failing row's name in front of the message, as for any bad value.
    /// </summary>
    internal sealed class DuplicateRows
    {
        /// <summary>Where each account's first row came from.</summary>
        private readonly Dictionary<string, string?> _accounts = new Dictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>The account of each connection name's first row.</summary>
        private readonly Dictionary<string, string?> _names = new Dictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>Why <paramref name="request"/> repeats an earlier row, or null when it is the first of its account and name.</summary>
        public Exception? Check(AccountRequest request)
        {
            var account = request.AccountId?.Trim() ?? "";
            var name = string.IsNullOrWhiteSpace(request.Name) ? "aws-" + account : request.Name!.Trim();
            if (account.Length > 0 && _accounts.TryGetValue(account, out var firstSource))
                return new InvalidInputException("DuplicateAccount", "AccountId", account,
                    $"appears again; only its first row ({firstSource ?? "the first"}) is used", "Remove the duplicate row.");
            if (_names.TryGetValue(name, out var firstAccount))
                return new InvalidInputException("DuplicateConnectionName", "Name", name,
                    $"is used again, for another account than {firstAccount}", "Give each account its own connection name.");
            if (account.Length > 0) _accounts[account] = request.Source;
            _names[name] = request.AccountId;
            return null;
        }
    }
}
