using System;
using System.Reflection;

namespace DynatraceAws.Commands.Isolation
{
    /// <summary>
    /// An AssemblyLoadContext of the module's own, reached by reflection: the type is not in
    /// netstandard2.0, and .NET Framework (Windows PowerShell 5.1) has none.
    /// </summary>
    internal sealed class PrivateLoadContext
    {
        private readonly Func<string, Assembly> _loadFromAssemblyPath;

        private PrivateLoadContext(Func<string, Assembly> loadFromAssemblyPath) => _loadFromAssemblyPath = loadFromAssemblyPath;

        /// <summary>Null on .NET Framework.</summary>
        public static PrivateLoadContext? TryCreate(string name)
        {
            var type = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
            if (type is null) return null;
            var context = Activator.CreateInstance(type, name, false); // (name, isCollectible)
            var loadFromAssemblyPath = type.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
            return new PrivateLoadContext((Func<string, Assembly>)Delegate.CreateDelegate(typeof(Func<string, Assembly>), context, loadFromAssemblyPath));
        }

        /// <summary>Loading the same path again returns the assembly already loaded.</summary>
        public Assembly Load(string path) => _loadFromAssemblyPath(path);
    }
}
