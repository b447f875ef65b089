using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace DynatraceAws.Commands.Isolation
{
    /// <summary>
    /// Answers our own assemblies' requests for the libraries in the dependencies folder beside the
    /// cmdlet assembly: into a private load context on .NET, by LoadFrom on .NET Framework.
    /// </summary>
    internal sealed class DependencyResolver
    {
        private readonly Assembly _cmdlets;
        private readonly IReadOnlyDictionary<string, string> _pathByName;
        private readonly Func<string, Assembly> _load;

        /// <param name="load">Loads a library of <paramref name="folder"/> by path: LoadFrom, or into the private context.</param>
        internal DependencyResolver(Assembly cmdlets, string folder, Func<string, Assembly> load)
        {
            _cmdlets = cmdlets;
            _pathByName = Directory.GetFiles(folder, "*.dll")
                .ToDictionary(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase);
            _load = load;
        }

        /// <summary>Null where there is no dependencies folder: a build output, where every assembly sits beside the cmdlets.</summary>
        public static DependencyResolver? ForModule(Assembly cmdlets)
        {
            var folder = Path.Combine(Path.GetDirectoryName(cmdlets.Location)!, "dependencies");
            if (!Directory.Exists(folder)) return null;

            var context = PrivateLoadContext.TryCreate("DynatraceAws");
            if (context is null) return new DependencyResolver(cmdlets, folder, Assembly.LoadFrom);

            // The runtime asks the default context before any handler, even for a request from the
            // private context: an AWSSDK.Core 4.0.0.0 that another module loaded first would be bound
            // to Core (MissingMethodException). What the private context already holds is found
            // before the default context is asked, so our libraries are loaded into it up front.
            // The platform's own assemblies (System.Text.Json on PowerShell 7.4+) are shared by every
            // module and cannot collide; an older platform copy fails the version check and comes
            // to the handler.
            var resolver = new DependencyResolver(cmdlets, folder, context.Load);
            var platform = PlatformAssemblyNames();
            foreach (var entry in resolver._pathByName.Where(entry => !platform.Contains(entry.Key))) context.Load(entry.Value);
            return resolver;
        }

        public Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            return name != null && _pathByName.TryGetValue(name, out var path) && AsksForUs(args.RequestingAssembly)
                ? _load(path)
                : null;
        }

        // Another module asking for a library we also ship must find its own copy, not ours.
        // .NET Framework does not always say who asks; then the name alone decides.
        private bool AsksForUs(Assembly? requester) => requester is null || requester == _cmdlets || IsShipped(requester);

        // A dynamic assembly has no file, and on .NET Framework its Location throws.
        private bool IsShipped(Assembly assembly) =>
            !assembly.IsDynamic
            && _pathByName.TryGetValue(assembly.GetName().Name, out var path)
            && string.Equals(path, assembly.Location, StringComparison.OrdinalIgnoreCase);

        private static HashSet<string> PlatformAssemblyNames() =>
            new HashSet<string>(
                (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
                    .Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(Path.GetFileNameWithoutExtension),
                StringComparer.OrdinalIgnoreCase);
    }
}
