using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace DynatraceAws.Core.Aws.Iam
{
    /// <summary>
    /// Reading IAM's XML: elements by local name (as botocore does; AWS puts them in
    /// https://iam.amazonaws.com/doc/2010-05-08/), in any order; lists as member children.
    /// </summary>
    internal static class IamXml
    {
        public static XElement ParseRoot(string action, string body)
        {
            try
            {
                return Load(body);
            }
            catch (XmlException ex)
            {
                throw new FormatException($"IAM {action} answered with a body that is not XML: {ex.Message}", ex);
            }
        }

        public static XElement? TryParseRoot(string body)
        {
            try
            {
                return Load(body);
            }
            catch (XmlException)
            {
                return null;
            }
        }

        public static XElement? Child(XElement parent, string name) =>
            parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

        public static XElement RequiredChild(XElement parent, string name) =>
            Child(parent, name) ?? throw Missing(parent, name);

        public static string? Text(XElement parent, string name) => Child(parent, name)?.Value;

        public static string RequiredText(XElement parent, string name) => RequiredChild(parent, name).Value;

        public static IEnumerable<XElement> Members(XElement parent, string listName) =>
            Child(parent, listName)?.Elements().Where(e => e.Name.LocalName == "member") ?? Enumerable.Empty<XElement>();

        public static int RequiredInt(XElement parent, string name) =>
            int.Parse(RequiredText(parent, name), NumberStyles.Integer, CultureInfo.InvariantCulture);

        public static int? OptionalInt(XElement parent, string name) =>
            Text(parent, name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : (int?)null;

        public static bool RequiredBool(XElement parent, string name) => XmlConvert.ToBoolean(RequiredText(parent, name));

        public static DateTimeOffset RequiredDate(XElement parent, string name) => ParseDate(RequiredText(parent, name));

        public static DateTimeOffset? OptionalDate(XElement parent, string name) =>
            Text(parent, name) is { } text ? ParseDate(text) : (DateTimeOffset?)null;

        /// <summary>IAM returns policy documents percent-encoded (RFC 3986); '+' is a plus, not a space.</summary>
        public static string? UrlEncodedText(XElement parent, string name) =>
            Text(parent, name) is { } text ? Uri.UnescapeDataString(text) : null;

        private static XElement Load(string body)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(body), settings);
            return XDocument.Load(reader).Root ?? throw new XmlException("The document has no root element.");
        }

        private static DateTimeOffset ParseDate(string text) =>
            DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        private static FormatException Missing(XElement parent, string name) =>
            new FormatException($"IAM response element <{parent.Name.LocalName}> has no <{name}>.");
    }
}
