using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>One policy and the groups a grant would really bind it to, or a revoke really unbind it from, decided from a read.</summary>
    public sealed class BindingChange
    {
        public BindingChange(IamReference policy, IReadOnlyList<IamReference> groups)
        {
            Policy = policy;
            Groups = groups;
        }

        public IamReference Policy { get; }
        public IReadOnlyList<IamReference> Groups { get; }

        public IEnumerable<PolicyBinding> Bindings(PolicyLevel level) =>
            Groups.Select(g => new PolicyBinding(Policy.Uuid, g.Uuid, level.Type, level.Id));
    }
}
