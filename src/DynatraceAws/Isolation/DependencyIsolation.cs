using System;
using System.Management.Automation;

namespace DynatraceAws.Commands.Isolation
{
    /// <summary>
    /// Loads DynatraceAws.Core and the libraries it needs from the module's dependencies folder, apart
    /// from other modules' copies of the same libraries. PowerShell runs it before it looks at the
    /// cmdlets, so it must not touch a Core type itself.
    /// </summary>
    public sealed class DependencyIsolation : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        // One per process: a loaded assembly never unloads, so a second import must reuse the same copies.
        private static readonly DependencyResolver? Resolver = DependencyResolver.ForModule(typeof(DependencyIsolation).Assembly);

        public void OnImport()
        {
            if (Resolver is null) return;
            // PowerShell may call OnImport more than once in one import: register the handler once.
            AppDomain.CurrentDomain.AssemblyResolve -= Resolver.Resolve;
            AppDomain.CurrentDomain.AssemblyResolve += Resolver.Resolve;
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (Resolver is null) return;
            AppDomain.CurrentDomain.AssemblyResolve -= Resolver.Resolve;
        }
    }
}
