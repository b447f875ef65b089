using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DynatraceAws.Core.Secrets
{
    /// <summary>
    /// The secrets registered at run time, found in a text in one pass however many there are: a run of
    /// thousands of accounts registers two per account (its role session's key and token), and a
    /// replace per secret per message made every message cost as much as the run had accounts. Each
    /// secret is filed under its last <see cref="KeyLength"/> characters (their beginnings are often
    /// alike: every AWS session token starts the same way); the text is read once, and where a file
    /// matches, its secrets are compared in full. Of overlapping matches the one that starts first,
    /// then the longest, is masked.
    /// </summary>
    internal sealed class KnownSecrets
    {
        /// <summary>The shortest secret registered (<see cref="Redactor.Register"/> ignores shorter ones).</summary>
        public const int KeyLength = 8;

        private readonly ConcurrentDictionary<ulong, string[]> _byEnd = new ConcurrentDictionary<ulong, string[]>();

        public void Add(string secret)
        {
            if (secret.Length < KeyLength) return;
            _byEnd.AddOrUpdate(Key(secret, secret.Length), new[] { secret },
                (_, filed) => filed.Contains(secret, StringComparer.Ordinal) ? filed : filed.Append(secret).ToArray());
        }

        /// <summary>The text with every registered secret in it replaced by <paramref name="mask"/>.</summary>
        public string Mask(string text, string mask)
        {
            if (_byEnd.IsEmpty || text.Length < KeyLength) return text;
            List<(int Start, int End)>? found = null;
            for (var end = KeyLength; end <= text.Length; end++)
            {
                if (!_byEnd.TryGetValue(Key(text, end), out var filed)) continue;
                foreach (var secret in filed)
                {
                    var start = end - secret.Length;
                    if (start >= 0 && string.CompareOrdinal(text, start, secret, 0, secret.Length) == 0)
                        (found ??= new List<(int, int)>()).Add((start, end));
                }
            }
            if (found is null) return text;

            var masked = new StringBuilder(text.Length);
            var copied = 0;
            foreach (var (start, end) in found.OrderBy(f => f.Start).ThenByDescending(f => f.End))
            {
                if (start < copied) continue;
                masked.Append(text, copied, start - copied).Append(mask);
                copied = end;
            }
            return masked.Append(text, copied, text.Length - copied).ToString();
        }

        /// <summary>A hash of the <see cref="KeyLength"/> characters before <paramref name="end"/>.</summary>
        private static ulong Key(string text, int end)
        {
            ulong key = 17;
            for (var i = end - KeyLength; i < end; i++) key = key * 31 + text[i];
            return key;
        }
    }
}
