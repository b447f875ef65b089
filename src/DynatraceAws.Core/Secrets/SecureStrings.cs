using System;
using System.Runtime.InteropServices;
using System.Security;

namespace DynatraceAws.Core.Secrets
{
    public static class SecureStrings
    {
        /// <summary>The plain text, for the moment it is put on the wire.</summary>
        public static string Reveal(SecureString secure)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer) ?? "";
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        public static SecureString FromPlainText(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
