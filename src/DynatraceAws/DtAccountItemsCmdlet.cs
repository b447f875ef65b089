using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// A Get of the account's items by name, with wildcards. The list is read once per command, however
    /// many names are piped in; a blank name (an empty CSV cell) is an EmptyFilter error, not everything.
    /// Not generic over the item type: PowerShell loads every base type of the cmdlets before
    /// DependencyIsolation can resolve DynatraceAws.Core, so no base type may name a Core type.
    /// </summary>
    public abstract class DtAccountItemsCmdlet : DtCmdlet
    {
        private IReadOnlyList<object>? _items;

        /// <summary>The account to use instead of the one Connect-DtAccount set.</summary>
        [Parameter]
        public DynatraceAccount? AccountConnection { get; set; }

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string Name { get; set; } = "*";

        /// <summary>What the items are, for messages: "group".</summary>
        private protected abstract string Items { get; }

        private protected abstract Task<IReadOnlyList<object>> ListAsync(CancellationToken ct);

        private protected abstract string NameOf(object item);

        /// <summary>The error for a name without wildcards that matches nothing; null when none is due.</summary>
        private protected virtual Exception? NotFound(string name) => null;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            UseAccount(AccountConnection);
        }

        protected override void ProcessRecord()
        {
            if (!TryRun(async ct =>
                {
                    InputRules.NotAllBlank(Items, (nameof(Name), Name));
                    return _items ??= await ListAsync(ct).ConfigureAwait(false);
                }, Name, out var items))
                return;
            var pattern = new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            var matches = items.Where(item => pattern.IsMatch(NameOf(item))).ToArray();
            if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(Name) && NotFound(Name) is { } notFound)
                WriteError(ErrorRecords.From(notFound, Name));
            WriteObject(matches, true);
        }
    }
}
