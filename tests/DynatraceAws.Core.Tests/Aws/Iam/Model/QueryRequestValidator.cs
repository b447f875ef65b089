using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DynatraceAws.Core.Tests.Aws.Model;

namespace DynatraceAws.Core.Tests.Aws.Iam.Model
{
    /// <summary>
    /// Checks a Query-protocol form against a botocore model: the Action is an operation, the Version
    /// is the model's, every key is a member path of the input shape (Name, Name.Sub, List.member.N...),
    /// required members are present, and values respect type, min, max, pattern and enum.
    /// </summary>
    internal static class QueryRequestValidator
    {
        /// <returns>One sentence per violation; empty when the request is valid.</returns>
        public static IReadOnlyList<string> Validate(BotocoreModel model, IReadOnlyList<KeyValuePair<string, string>> form)
        {
            var violations = new List<string>();
            var action = Single(form, "Action", violations);
            var version = Single(form, "Version", violations);
            if (version != null && version != model.ApiVersion)
                violations.Add($"Version is '{version}', the model's is '{model.ApiVersion}'.");
            if (action is null) return violations;
            if (!model.Operations.TryGetValue(action, out var operation))
            {
                violations.Add($"Action '{action}' is not an operation of the model.");
                return violations;
            }

            var members = form.Where(f => f.Key != "Action" && f.Key != "Version").ToList();
            var tree = FormNode.Build(members, violations);
            if (operation.Input is null)
                violations.AddRange(members.Select(m => $"{m.Key}: {action} takes no parameters."));
            else
                Check(model, model.Shapes[operation.Input], tree, "", violations);
            return violations.Select(v => $"{action}: {v}").ToList();
        }

        private static string? Single(IReadOnlyList<KeyValuePair<string, string>> form, string key, List<string> violations)
        {
            var values = form.Where(f => f.Key == key).Select(f => f.Value).ToList();
            if (values.Count != 1) violations.Add($"{key} appears {values.Count} times.");
            return values.Count == 1 ? values[0] : null;
        }

        private static void Check(BotocoreModel model, BotocoreModel.Shape shape, FormNode node, string path, List<string> violations)
        {
            var shown = path.Length == 0 ? "the request" : path;
            if (shape.Type == "structure" || shape.Type == "list")
            {
                if (node.Value != null) violations.Add($"{shown} ({shape.Name}) is a {shape.Type} but was sent as a value.");
                if (shape.Type == "structure") CheckStructure(model, shape, node, path, violations);
                else CheckList(model, shape, node, path, violations);
                return;
            }

            if (node.Children.Count > 0)
                violations.Add($"{shown} ({shape.Name}) is a {shape.Type} but has sub-keys {string.Join(", ", node.Children.Keys)}.");
            if (node.Value is null) return;
            switch (shape.Type)
            {
                case "string": ShapeConstraints.CheckString(shape, node.Value, path, violations); break;
                case "integer":
                case "long": CheckNumber(shape, node.Value, path, violations); break;
                case "boolean":
                    if (node.Value != "true" && node.Value != "false") violations.Add($"{path} must be true or false, not '{node.Value}'.");
                    break;
                default: violations.Add($"{path} has type {shape.Type}, which this validator does not check."); break;
            }
        }

        private static void CheckStructure(BotocoreModel model, BotocoreModel.Shape shape, FormNode node, string path, List<string> violations)
        {
            foreach (var child in node.Children)
            {
                if (shape.Members.TryGetValue(child.Key, out var memberShape))
                    Check(model, model.Shapes[memberShape], child.Value, Join(path, child.Key), violations);
                else
                    violations.Add($"{Join(path, child.Key)} is not a member of {shape.Name} (members: {string.Join(", ", shape.Members.Keys)}).");
            }
            foreach (var required in shape.Required.Where(r => !node.Children.ContainsKey(r)))
                violations.Add($"required member {Join(path, required)} of {shape.Name} is missing.");
        }

        private static void CheckList(BotocoreModel model, BotocoreModel.Shape shape, FormNode node, string path, List<string> violations)
        {
            foreach (var key in node.Children.Keys.Where(k => k != "member"))
                violations.Add($"{Join(path, key)}: list {shape.Name} is serialized as {Join(path, "member")}.N.");
            if (!node.Children.TryGetValue("member", out var items)) return;
            if (items.Value != null) violations.Add($"{Join(path, "member")} has a value but no index.");

            var count = items.Children.Count;
            for (var index = 1; index <= count; index++)
            {
                var key = index.ToString(CultureInfo.InvariantCulture);
                if (items.Children.TryGetValue(key, out var item))
                    Check(model, model.Shapes[shape.ListMember!], item, Join(path, "member." + key), violations);
                else
                    violations.Add($"{Join(path, "member")} indexes must run 1..{count}; {key} is missing (sent: {string.Join(", ", items.Children.Keys)}).");
            }
            if (shape.Min is { } min && count < min) violations.Add($"{path} has {count} items, fewer than {min}.");
            if (shape.Max is { } max && count > max) violations.Add($"{path} has {count} items, more than {max}.");
        }

        private static void CheckNumber(BotocoreModel.Shape shape, string value, string path, List<string> violations)
        {
            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                ShapeConstraints.CheckNumber(shape, number, path, violations);
            else
                violations.Add($"{path} '{value}' is not a whole number.");
        }

        private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

        /// <summary>The form keys as a tree: Tags.member.1.Key becomes Tags → member → 1 → Key.</summary>
        private sealed class FormNode
        {
            public string? Value { get; private set; }

            public Dictionary<string, FormNode> Children { get; } = new Dictionary<string, FormNode>(StringComparer.Ordinal);

            public static FormNode Build(IEnumerable<KeyValuePair<string, string>> fields, List<string> violations)
            {
                var root = new FormNode();
                foreach (var field in fields)
                {
                    var node = root;
                    foreach (var part in field.Key.Split('.'))
                    {
                        if (!node.Children.TryGetValue(part, out var child)) node.Children[part] = child = new FormNode();
                        node = child;
                    }
                    if (node.Value != null) violations.Add($"{field.Key} is sent twice.");
                    node.Value = field.Value;
                }
                return root;
            }
        }
    }
}
