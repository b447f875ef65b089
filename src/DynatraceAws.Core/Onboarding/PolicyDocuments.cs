using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>Reads IAM policy documents the way IAM means them, not as text.</summary>
    internal static class PolicyDocuments
    {
        /// <summary>
        /// Same statements in the same order with the same Sid, Effect, Resource and set of actions;
        /// key order, formatting, action order and a string versus a one-element list do not matter.
        /// </summary>
        public static bool AreEquivalent(string? left, string? right)
        {
            var a = Statements(left);
            var b = Statements(right);
            if (a is null || b is null || a.Count != b.Count) return false;
            for (var i = 0; i < a.Count; i++)
            {
                if (Text(a[i], "Sid") != Text(b[i], "Sid") || Text(a[i], "Effect") != Text(b[i], "Effect")) return false;
                if (!Set(a[i]["Resource"]).SetEquals(Set(b[i]["Resource"]))) return false;
                if (!Set(a[i]["Action"], StringComparer.OrdinalIgnoreCase).SetEquals(Set(b[i]["Action"], StringComparer.OrdinalIgnoreCase))) return false;
            }
            return true;
        }

        public static List<JsonObject>? Statements(string? document)
        {
            if (string.IsNullOrWhiteSpace(document)) return null;
            try
            {
                return JsonNode.Parse(document!)?["Statement"] switch
                {
                    JsonArray list => list.OfType<JsonObject>().ToList(),
                    JsonObject single => new List<JsonObject> { single },
                    _ => null,
                };
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>A string or a list of strings, as a set.</summary>
        public static HashSet<string> Set(JsonNode? node, StringComparer? comparer = null)
        {
            var set = new HashSet<string>(comparer ?? StringComparer.Ordinal);
            if (node is JsonArray list) foreach (var item in list) { if (item is JsonValue v && v.TryGetValue<string>(out var s)) set.Add(s); }
            else if (node is JsonValue value && value.TryGetValue<string>(out var single)) set.Add(single);
            return set;
        }

        private static string? Text(JsonObject statement, string name) =>
            statement[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }
}
