namespace DynatraceAws.Core.Secrets
{
    /// <summary>An exception whose every text was redacted when it was made: <see cref="Redactor.Redact(System.Exception)"/> keeps it as it is.</summary>
    public interface IRedacted
    {
    }
}
