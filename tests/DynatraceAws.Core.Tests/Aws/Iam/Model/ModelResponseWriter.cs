using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

using DynatraceAws.Core.Tests.Aws.Model;

namespace DynatraceAws.Core.Tests.Aws.Iam.Model
{
    /// <summary>
    /// A Query-protocol success answer built from a model's output shape: every member present,
    /// each with its own sample value, recorded by path (Role.Tags.member.2.Key) as the client
    /// should report it. Lists get two items.
    /// </summary>
    internal sealed class ModelResponseWriter
    {
        /// <summary>AWS percent-encodes policy documents in answers; the model does not say so.</summary>
        private const string UrlEncodedShape = "policyDocumentType";

        private static readonly DateTimeOffset FirstDate = new DateTimeOffset(2026, 1, 15, 10, 20, 30, TimeSpan.Zero);

        private readonly BotocoreModel _model;
        private readonly IReadOnlyDictionary<string, string> _overrides;
        private readonly XNamespace _ns;
        private readonly Dictionary<string, string> _values = new Dictionary<string, string>();
        private readonly HashSet<string> _requiredPaths = new HashSet<string>();
        private int _counter;

        private ModelResponseWriter(BotocoreModel model, IReadOnlyDictionary<string, string> overrides)
        {
            _model = model;
            _overrides = overrides;
            _ns = model.XmlNamespace ?? throw new NotSupportedException("Answers are written for Query-protocol models only.");
        }

        /// <param name="overrides">Values for members by path, e.g. IsTruncated=false.</param>
        public static SampleResponse Write(BotocoreModel model, string operationName, IReadOnlyDictionary<string, string> overrides)
        {
            var operation = model.Operations[operationName];
            var writer = new ModelResponseWriter(model, overrides);
            var root = new XElement(writer._ns + operationName + "Response");
            if (operation.Output != null)
            {
                var result = new XElement(writer._ns + (operation.ResultWrapper ?? throw new NotSupportedException(
                    $"{operationName} has an output but no resultWrapper.")));
                writer.WriteMembers(model.Shapes[operation.Output], result, "", required: true, new HashSet<string>());
                root.Add(result);
            }
            root.Add(new XElement(writer._ns + "ResponseMetadata", new XElement(writer._ns + "RequestId", "sample-request-id")));
            return new SampleResponse(new XDocument(root).ToString(), writer._values, writer._requiredPaths);
        }

        private void WriteMembers(BotocoreModel.Shape structure, XElement parent, string path, bool required, HashSet<string> open)
        {
            if (!open.Add(structure.Name)) return;
            foreach (var member in structure.Members)
            {
                var memberPath = path.Length == 0 ? member.Key : path + "." + member.Key;
                var element = new XElement(_ns + member.Key);
                Write(_model.Shapes[member.Value], element, memberPath, required && structure.Required.Contains(member.Key), open);
                parent.Add(element);
            }
            open.Remove(structure.Name);
        }

        private void Write(BotocoreModel.Shape shape, XElement element, string path, bool required, HashSet<string> open)
        {
            switch (shape.Type)
            {
                case "structure":
                    WriteMembers(shape, element, path, required, open);
                    return;
                case "list":
                    for (var index = 1; index <= 2; index++)
                    {
                        var item = new XElement(_ns + "member");
                        Write(_model.Shapes[shape.ListMember!], item, $"{path}.member.{index}", required, open);
                        element.Add(item);
                    }
                    return;
            }

            if (required) _requiredPaths.Add(path);
            var n = ++_counter;
            var time = FirstDate.AddMinutes(n).AddMilliseconds(n % 2 == 0 ? 0 : 123);
            var value = _overrides.TryGetValue(path, out var given) ? given : shape.Type switch
            {
                "string" when shape.EnumValues != null => shape.EnumValues[n % shape.EnumValues.Count],
                "string" when shape.Name == UrlEncodedShape => $"{{\"Sid\":\"{path}\",\"Note\":\"a+b c/%\"}}",
                "string" => path,
                "integer" or "long" => (1000 + n).ToString(CultureInfo.InvariantCulture),
                "boolean" => n % 2 == 0 ? "true" : "false",
                // With and without fractional seconds: IAM sends both.
                "timestamp" => time.ToString(n % 2 == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                    CultureInfo.InvariantCulture),
                _ => throw new NotSupportedException($"{path}: shape type {shape.Type} has no sample."),
            };
            _values[path] = value;
            element.Value = shape.Name == UrlEncodedShape ? Uri.EscapeDataString(value) : value;
        }
    }

    internal sealed class SampleResponse
    {
        public SampleResponse(string xml, IReadOnlyDictionary<string, string> values, IReadOnlyCollection<string> requiredPaths)
        {
            Xml = xml;
            Values = values;
            RequiredPaths = requiredPaths;
        }

        public string Xml { get; }

        /// <summary>Every scalar member written, by path, with the value the client should report (documents decoded).</summary>
        public IReadOnlyDictionary<string, string> Values { get; }

        /// <summary>The scalar paths the model requires (required all the way from the result).</summary>
        public IReadOnlyCollection<string> RequiredPaths { get; }
    }
}
