using System;

namespace DynatraceAws.HelpCompiler;

/// <summary>A page breaks the schema; the message names the file and line, as compilers do.</summary>
public sealed class HelpPageException : Exception
{
    public HelpPageException(string path, int line, string problem)
        : base($"{path}({line}): {problem}")
    {
    }
}
