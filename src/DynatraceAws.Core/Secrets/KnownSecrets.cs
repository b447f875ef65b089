using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;

namespace DynatraceAws.Core.Secrets
{
    /// <summary>
    /// The secrets registered at run time, found in a text in one pass however many there are: a run of
    /// thousands of accounts registers two per account (its role session's key and token), and a
    /// replace per secret per message made every message cost as much as the run had accounts. Each
    /// secret is filed under its first <see cref="KeyLength"/> characters; the text is read once, and
    /// where a file matches, its secrets are compared in full, longest first.
    /// </summary>
    internal sealed class KnownSecrets
    {
        /// <summary>The shortest secret registered (<see cref="Redactor.Register"/> ignores shorter ones).</summary>
        public const int KeyLength = 8;

        private readonly ConcurrentDictionary<ulong, string[]> _byStart = new ConcurrentDictionary<ulong, string[]>();

        public void Add(string secret)
        {
            if (secret.Length < KeyLength) return;
            _byStart.AddOrUpdate(Key(secret, 0), new[] { secret },
                (_, filed) => filed.Contains(secret, StringComparer.Ordinal) ? filed : filed.Append(secret).OrderByDescending(s => s.Length).ToArray());
        }

        /// <summary>The text with every registered secret in it replaced by <paramref name="mask"/>.</summary>
        public string Mask(string text, string mask)
        {
            if (_byStart.IsEmpty || text.Length < KeyLength) return text;
            StringBuilder? masked = null;
            var copied = 0;
            for (var at = 0; at + KeyLength <= text.Length;)
            {
                if (_byStart.TryGetValue(Key(text, at), out var filed) && Match(text, at, filed) is { } secret)
                {
                    masked ??= new StringBuilder(text.Length);
                    masked.Append(text, copied, at - copied).Append(mask);
                    at += secret.Length;
                    copied = at;
                }
                else
                {
                    at++;
                }
            }
            return masked is null ? text : masked.Append(text, copied, text.Length - copied).ToString();
        }

        private static string? Match(string text, int at, string[] filed)
        {
            foreach (var secret in filed)
                if (secret.Length <= text.Length - at && string.CompareOrdinal(text, at, secret, 0, secret.Length) == 0)
                    return secret;
            return null;
        }

        private static ulong Key(string text, int at)
        {
            ulong key = 17;
            for (var i = at; i < at + KeyLength; i++) key = key * 31 + text[i];
            return key;
        }
    }
}
