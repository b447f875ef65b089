using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// <c>dotnet DynatraceAws.Published.Tests.dll script.ps1 [argument ...]</c> runs one script in a
/// PowerShell session of a process of its own, as <c>pwsh -File</c> would: for the specs that need
/// a fresh process where no pwsh is installed. Writes the script's output a line an object; exits 1
/// after an error.
/// </summary>
public static class SessionHost
{
    public static int Main(string[] args)
    {
        using var powershell = PowerShell.Create(InitialSessionState.CreateDefault2());
        powershell.AddCommand(args[0]);
        foreach (var argument in args.Skip(1)) powershell.AddArgument(argument);
        try
        {
            foreach (var item in powershell.Invoke()) Console.WriteLine(item);
        }
        catch (RuntimeException ex)
        {
            Console.Error.WriteLine(ex.ErrorRecord);
            return 1;
        }
        foreach (var error in powershell.Streams.Error) Console.Error.WriteLine(error);
        return powershell.Streams.Error.Count > 0 ? 1 : 0;
    }
}
