using System.Text;

namespace DynatraceAws.Core.Aws
{
    /// <summary>
    /// Percent-encoding as AWS defines it for SigV4 and the Query protocol: UTF-8 bytes, everything
    /// but A-Z a-z 0-9 - _ . ~ encoded, hex digits upper-case.
    /// </summary>
    internal static class Rfc3986
    {
        private const string Hex = "0123456789ABCDEF";

        public static string Encode(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (var b in Encoding.UTF8.GetBytes(value))
            {
                if (IsUnreserved(b))
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
                }
            }
            return builder.ToString();
        }

        private static bool IsUnreserved(byte b) =>
            (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
            || b == '-' || b == '_' || b == '.' || b == '~';
    }
}
