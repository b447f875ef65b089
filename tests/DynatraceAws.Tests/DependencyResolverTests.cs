using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Loader;
using DynatraceAws.Commands.Isolation;
using Xunit;

namespace DynatraceAws.Tests;

/// <summary>
/// Which requests the module's resolver answers from dependencies/. On Windows PowerShell 5.1 this
/// is all that keeps another module's AWSSDK.Core apart from ours (there is no private load context
/// there), so it is checked here, by name and requester, without a .NET Framework. The folder holds
/// copies of two libraries, as a published module's does.
/// </summary>
public sealed class DependencyResolverTests : IDisposable
{
    private const string AwsSdkCore = "AWSSDK.Core, Version=4.0.0.0, Culture=neutral, PublicKeyToken=885c28607f98e604";

    private static readonly Assembly Cmdlets = typeof(DynatraceAws.Commands.DtAccountCmdlet).Assembly;

    private readonly string _dependencies = Directory.CreateTempSubdirectory("DynatraceAws-dependencies-").FullName;
    private readonly List<string> _loaded = new();
    private readonly DependencyResolver _resolver;
    private readonly AssemblyLoadContext _shippedContext = new("shipped", isCollectible: true);

    public DependencyResolverTests()
    {
        foreach (var library in new[] { "AWSSDK.Core.dll", "DynatraceAws.Core.dll" })
            File.Copy(Path.Combine(AppContext.BaseDirectory, library), Path.Combine(_dependencies, library));
        _resolver = new DependencyResolver(Cmdlets, _dependencies, path =>
        {
            _loaded.Add(path);
            return typeof(object).Assembly;
        });
    }

    private Assembly? Resolve(string name, Assembly? requester) => _resolver.Resolve(null, new ResolveEventArgs(name, requester));

    [Fact]
    public void The_cmdlet_assembly_gets_the_shipped_copy()
    {
        Assert.NotNull(Resolve(AwsSdkCore, Cmdlets));
        Assert.Equal(new[] { Path.Combine(_dependencies, "AWSSDK.Core.dll") }, _loaded);
    }

    [Fact]
    public void A_shipped_library_gets_the_shipped_copy()
    {
        var core = _shippedContext.LoadFromAssemblyPath(Path.Combine(_dependencies, "DynatraceAws.Core.dll"));

        Assert.NotNull(Resolve(AwsSdkCore, core));
        Assert.Equal(new[] { Path.Combine(_dependencies, "AWSSDK.Core.dll") }, _loaded);
    }

    [Fact]
    public void A_request_that_names_no_requester_is_decided_by_the_name_alone()
    {
        Assert.NotNull(Resolve(AwsSdkCore, null));
        Assert.Null(Resolve("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed", null));
        Assert.Single(_loaded);
    }

    [Fact]
    public void Another_module_asking_for_a_library_we_also_ship_is_left_to_find_its_own()
    {
        // A library of the same name from another folder is another module's copy, not ours.
        var othersAwsSdk = typeof(Amazon.Runtime.AWSCredentials).Assembly;
        var dynamic = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("AWSSDK.Core"), AssemblyBuilderAccess.Run);

        Assert.NotEqual(Path.Combine(_dependencies, "AWSSDK.Core.dll"), othersAwsSdk.Location);
        Assert.Null(Resolve(AwsSdkCore, othersAwsSdk));
        Assert.Null(Resolve(AwsSdkCore, typeof(FactAttribute).Assembly));
        Assert.Null(Resolve(AwsSdkCore, dynamic));
        Assert.Empty(_loaded);
    }

    public void Dispose()
    {
        _shippedContext.Unload();
        Directory.Delete(_dependencies, recursive: true);
    }
}
