namespace DynatraceAws.Core.Aws.Signing
{
    /// <summary>
    /// What one signing produced, for tests. Holds the session token (inside the canonical request)
    /// and the signature, so it stays internal and has no ToString.
    /// </summary>
    internal sealed class SigV4Signature
    {
        public SigV4Signature(string canonicalRequest, string stringToSign, string signature)
        {
            CanonicalRequest = canonicalRequest;
            StringToSign = stringToSign;
            Signature = signature;
        }

        public string CanonicalRequest { get; }

        public string StringToSign { get; }

        public string Signature { get; }
    }
}
