using System.Management.Automation;
using System.Security;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Secrets;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Lets a SecureString parameter take plain text too, as AWS.Tools' -SecretKey and -SessionToken
    /// do, so a pasted AWS.Tools command works. The text becomes a SecureString at binding; a value of
    /// another type is refused without being echoed.
    /// </summary>
    internal sealed class PlainTextToSecureStringAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) switch
            {
                null => null,
                SecureString secure => secure,
                string text => SecureStrings.FromPlainText(text),
                _ => throw new ArgumentTransformationMetadataException("Pass a string or a SecureString."),
            };
    }
}
