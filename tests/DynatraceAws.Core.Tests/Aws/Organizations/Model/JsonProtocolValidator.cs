using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DynatraceAws.Core.Tests.Aws.Model;

namespace DynatraceAws.Core.Tests.Aws.Organizations.Model
{
    /// <summary>
    /// Checks JSON-protocol traffic (AWS Organizations) against a botocore model. A request: its
    /// X-Amz-Target is the model's targetPrefix, a dot and an operation, and its body is valid input of
    /// that operation. An answer: valid output of the operation (2xx), or one of its modeled errors as
    /// {"__type", "Message", ...}. Valid means: every member is a member of its shape and of the shape's
    /// type (timestamps as epoch seconds), required members are present, and values keep the model's
    /// length, pattern, enum and range.
    /// </summary>
    internal static class JsonProtocolValidator
    {
        /// <returns>One sentence per violation; empty when the request is valid.</returns>
        public static IReadOnlyList<string> Request(BotocoreModel model, string? target, string body)
        {
            var prefix = model.TargetPrefix + ".";
            var operation = target != null && target.StartsWith(prefix, System.StringComparison.Ordinal)
                ? target.Substring(prefix.Length)
                : null;
            if (operation is null || !model.Operations.ContainsKey(operation))
                return new[] { $"X-Amz-Target '{target}' is not {prefix}<an operation of the model>." };
            return Check(model, operation, model.Operations[operation].Input, body);
        }

        /// <returns>One sentence per violation; empty when the answer is valid.</returns>
        public static IReadOnlyList<string> Answer(BotocoreModel model, string operation, int status, string body)
        {
            if (status is >= 200 and < 300) return Check(model, operation, model.Operations[operation].Output, body);

            using var document = Parse(operation, body, out var violations);
            if (document is null) return violations;
            var root = document.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("__type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()!
                : null;
            // __type may carry a namespace before '#' (aws.protocols#...); the shape name follows it.
            var error = type?.Substring(type.IndexOf('#') + 1);
            if (error is null || !model.Operations[operation].Errors.Contains(error))
                return new[] { $"{operation}: error answer {status} has __type '{type}', not one of {string.Join(", ", model.Operations[operation].Errors)}." };
            var members = new List<string>();
            CheckStructure(model, model.Shapes[error], root, "", members, ignore: "__type");
            return members.Select(v => $"{operation} {error}: {v}").ToArray();
        }

        private static IReadOnlyList<string> Check(BotocoreModel model, string operation, string? shapeName, string body)
        {
            using var document = Parse(operation, body, out var violations);
            if (document is null) return violations;
            if (shapeName is null)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object || document.RootElement.EnumerateObject().Any())
                    violations.Add($"{operation} has no members here, but the body is {body}.");
            }
            else
            {
                Check(model, model.Shapes[shapeName], document.RootElement, "", violations);
            }
            return violations.Select(v => $"{operation}: {v}").ToArray();
        }

        private static JsonDocument? Parse(string operation, string body, out List<string> violations)
        {
            violations = new List<string>();
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                violations.Add($"{operation}: the body is not JSON ({ex.Message}).");
                return null;
            }
        }

        private static void Check(BotocoreModel model, BotocoreModel.Shape shape, JsonElement value, string path, List<string> violations)
        {
            var shown = path.Length == 0 ? "the body" : path;
            switch (shape.Type, value.ValueKind)
            {
                case ("structure", JsonValueKind.Object):
                    CheckStructure(model, shape, value, path, violations, ignore: null);
                    break;
                case ("list", JsonValueKind.Array):
                    var items = value.EnumerateArray().ToArray();
                    for (var i = 0; i < items.Length; i++) Check(model, model.Shapes[shape.ListMember!], items[i], $"{path}[{i}]", violations);
                    if (shape.Min is { } min && items.Length < min) violations.Add($"{shown} has {items.Length} items, fewer than {min}.");
                    if (shape.Max is { } max && items.Length > max) violations.Add($"{shown} has {items.Length} items, more than {max}.");
                    break;
                case ("string", JsonValueKind.String):
                    ShapeConstraints.CheckString(shape, value.GetString()!, shown, violations);
                    break;
                case ("integer" or "long", JsonValueKind.Number) when value.TryGetInt64(out var number):
                    ShapeConstraints.CheckNumber(shape, number, shown, violations);
                    break;
                case ("boolean", JsonValueKind.True or JsonValueKind.False):
                case ("timestamp", JsonValueKind.Number):
                    break;
                default:
                    violations.Add($"{shown} ({shape.Name}) has type {shape.Type}{(shape.Type == "timestamp" ? " (epoch seconds)" : "")}, but is JSON {value.ValueKind}.");
                    break;
            }
        }

        private static void CheckStructure(BotocoreModel model, BotocoreModel.Shape shape, JsonElement value, string path, List<string> violations,
            string? ignore)
        {
            foreach (var member in value.EnumerateObject().Where(m => m.Name != ignore))
            {
                var memberPath = path.Length == 0 ? member.Name : path + "." + member.Name;
                if (shape.Members.TryGetValue(member.Name, out var memberShape))
                    Check(model, model.Shapes[memberShape], member.Value, memberPath, violations);
                else
                    violations.Add($"{memberPath} is not a member of {shape.Name} (members: {string.Join(", ", shape.Members.Keys)}).");
            }
            foreach (var required in shape.Required.Where(r => !value.TryGetProperty(r, out _)))
                violations.Add($"required member {(path.Length == 0 ? required : path + "." + required)} of {shape.Name} is missing.");
        }
    }
}
