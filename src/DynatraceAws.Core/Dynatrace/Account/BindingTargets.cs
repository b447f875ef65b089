using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>The policies and groups one Grant or Revoke input names, resolved to UUIDs: every policy with every group.</summary>
    public sealed class BindingTargets
    {
        public BindingTargets(IReadOnlyList<IamReference> policies, IReadOnlyList<IamReference> groups)
        {
            Policies = policies;
            Groups = groups;
        }

        public IReadOnlyList<IamReference> Policies { get; }
        public IReadOnlyList<IamReference> Groups { get; }

        public IEnumerable<PolicyBinding> Bindings(PolicyLevel level) =>
            Policies.SelectMany(p => Groups.Select(g => new PolicyBinding(p.Uuid, g.Uuid, level.Type, level.Id)));
    }
}
