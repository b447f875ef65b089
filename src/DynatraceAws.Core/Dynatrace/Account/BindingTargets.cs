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

        public IEnumerable<PolicyBinding> Bindings(PolicyLevel level) => BindingsExcept(level, new BindingChange[0]);

        /// <summary>Every binding of the targets but those of <paramref name="notMade"/>: what is in place after a grant that left them out.</summary>
        public IEnumerable<PolicyBinding> BindingsExcept(PolicyLevel level, IReadOnlyCollection<BindingChange> notMade) =>
            Policies.SelectMany(p => Groups.Where(g => !notMade.Any(c => c.Policy == p && c.Groups.Contains(g)))
                .Select(g => new PolicyBinding(p.Uuid, g.Uuid, level.Type, level.Id)));
    }
}
