using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace DynatraceAws.Core.Tests.Aws.Model
{
    /// <summary>
    /// The parts of a botocore service-2.json that the Query and JSON protocols use: operations with
    /// their input and output shapes and modeled errors, and shapes with type, members, required, min,
    /// max, pattern, enum.
    /// </summary>
    internal sealed class BotocoreModel
    {
        private static readonly Lazy<BotocoreModel> IamModel = new Lazy<BotocoreModel>(() =>
            Load(SharedContracts.PathTo("contracts", "aws", "iam-2010-05-08.service-2.json")));

        private static readonly Lazy<BotocoreModel> OrganizationsModel = new Lazy<BotocoreModel>(() =>
            Load(SharedContracts.PathTo("contracts", "aws", "organizations-2016-11-28.service-2.json")));

        private BotocoreModel(JsonElement metadata, IReadOnlyDictionary<string, Operation> operations, IReadOnlyDictionary<string, Shape> shapes)
        {
            Protocol = metadata.GetProperty("protocol").GetString()!;
            ApiVersion = metadata.GetProperty("apiVersion").GetString()!;
            XmlNamespace = metadata.TryGetProperty("xmlNamespace", out var ns) ? ns.GetString() : null;
            TargetPrefix = metadata.TryGetProperty("targetPrefix", out var prefix) ? prefix.GetString() : null;
            Operations = operations;
            Shapes = shapes;
        }

        public static BotocoreModel Iam => IamModel.Value;

        public static BotocoreModel Organizations => OrganizationsModel.Value;

        /// <summary>query or json.</summary>
        public string Protocol { get; }
        public string ApiVersion { get; }

        /// <summary>Query protocol: the namespace of the XML answers.</summary>
        public string? XmlNamespace { get; }

        /// <summary>JSON protocol: X-Amz-Target is this, a dot, and the operation.</summary>
        public string? TargetPrefix { get; }

        public IReadOnlyDictionary<string, Operation> Operations { get; }
        public IReadOnlyDictionary<string, Shape> Shapes { get; }

        public static BotocoreModel Load(string path)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            var metadata = root.GetProperty("metadata");
            if (metadata.GetProperty("protocol").GetString() is not ("query" or "json"))
                throw new NotSupportedException($"{path} is neither a Query- nor a JSON-protocol model.");

            var operations = root.GetProperty("operations").EnumerateObject().ToDictionary(o => o.Name, o => new Operation(
                o.Name,
                o.Value.TryGetProperty("input", out var input) ? input.GetProperty("shape").GetString() : null,
                o.Value.TryGetProperty("output", out var output) ? output.GetProperty("shape").GetString() : null,
                o.Value.TryGetProperty("output", out output) && output.TryGetProperty("resultWrapper", out var wrapper) ? wrapper.GetString() : null,
                o.Value.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(e => e.GetProperty("shape").GetString()!).ToArray() : Array.Empty<string>()));
            var shapes = root.GetProperty("shapes").EnumerateObject().ToDictionary(s => s.Name, s => ReadShape(s.Name, s.Value));

            return new BotocoreModel(metadata.Clone(), operations, shapes);
        }

        private static Shape ReadShape(string name, JsonElement shape)
        {
            // Serialization traits this validator does not implement; IAM uses none of them, and a model
            // that did must fail loudly here rather than be validated wrongly.
            foreach (var trait in new[] { "flattened", "locationName", "xmlName", "xmlAttribute" })
            {
                if (shape.TryGetProperty(trait, out _)
                    || (shape.TryGetProperty("member", out var member) && member.TryGetProperty(trait, out _))
                    || (shape.TryGetProperty("members", out var members) && members.EnumerateObject().Any(m => m.Value.TryGetProperty(trait, out _))))
                    throw new NotSupportedException($"Shape {name} uses '{trait}', which the conformance validator does not implement.");
            }

            return new Shape(
                name,
                shape.GetProperty("type").GetString()!,
                shape.TryGetProperty("members", out var structMembers)
                    ? structMembers.EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetProperty("shape").GetString()!)
                    : new Dictionary<string, string>(),
                shape.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!).ToArray() : Array.Empty<string>(),
                shape.TryGetProperty("member", out var listMember) ? listMember.GetProperty("shape").GetString() : null,
                shape.TryGetProperty("min", out var min) ? min.GetInt64() : (long?)null,
                shape.TryGetProperty("max", out var max) ? max.GetInt64() : (long?)null,
                shape.TryGetProperty("pattern", out var pattern) ? pattern.GetString() : null,
                shape.TryGetProperty("enum", out var values) ? values.EnumerateArray().Select(v => v.GetString()!).ToArray() : null);
        }

        internal sealed class Operation
        {
            public Operation(string name, string? input, string? output, string? resultWrapper, IReadOnlyList<string> errors)
            {
                Name = name;
                Input = input;
                Output = output;
                ResultWrapper = resultWrapper;
                Errors = errors;
            }

            public string Name { get; }
            /// <summary>Null for operations that take no parameters.</summary>
            public string? Input { get; }
            public string? Output { get; }
            public string? ResultWrapper { get; }

            /// <summary>The shapes of the errors the operation may answer with.</summary>
            public IReadOnlyList<string> Errors { get; }
        }

        internal sealed class Shape
        {
            public Shape(string name, string type, IReadOnlyDictionary<string, string> members, IReadOnlyList<string> required,
                string? listMember, long? min, long? max, string? pattern, IReadOnlyList<string>? enumValues)
            {
                Name = name;
                Type = type;
                Members = members;
                Required = required;
                ListMember = listMember;
                Min = min;
                Max = max;
                Pattern = pattern;
                EnumValues = enumValues;
            }

            public string Name { get; }

            /// <summary>structure, list, map, string, integer, long, boolean, timestamp, blob.</summary>
            public string Type { get; }

            /// <summary>For structures: member name to shape name.</summary>
            public IReadOnlyDictionary<string, string> Members { get; }

            public IReadOnlyList<string> Required { get; }

            /// <summary>For lists: the shape of the elements, serialized as Name.member.N.</summary>
            public string? ListMember { get; }

            /// <summary>Length of strings and lists, value of numbers.</summary>
            public long? Min { get; }

            public long? Max { get; }

            /// <summary>A Java regular expression the whole value must match.</summary>
            public string? Pattern { get; }

            public IReadOnlyList<string>? EnumValues { get; }
        }
    }
}
