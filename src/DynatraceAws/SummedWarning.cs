using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace DynatraceAws.Commands
{
    /// <summary>A warning that would repeat for every row, said once at the end of the run, naming the accounts.</summary>
    internal sealed class SummedWarning
    {
        private readonly List<string> _accounts = new List<string>();
        private readonly Func<IReadOnlyCollection<string>, string> _message;

        public SummedWarning(Func<IReadOnlyCollection<string>, string> message) => _message = message;

        public void Add(string accountId)
        {
            lock (_accounts) _accounts.Add(accountId);
        }

        public void Write(PSCmdlet cmdlet)
        {
            if (_accounts.Count > 0) cmdlet.WriteWarning(_message(_accounts));
        }
    }
}
