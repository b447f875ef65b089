using System.Management.Automation;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Input columns a cmdlet does not use itself but a later cmdlet of the pipeline needs (such as
    /// Region on the way to New-DtMonitoringConfiguration) ride along as note properties.
    /// </summary>
    internal static class PassThrough
    {
        public static object With(object output, string name, object? value)
        {
            if (value is null) return output;
            var wrapped = PSObject.AsPSObject(output);
            if (wrapped.Properties[name] is null) wrapped.Properties.Add(new PSNoteProperty(name, value));
            return wrapped;
        }
    }
}
