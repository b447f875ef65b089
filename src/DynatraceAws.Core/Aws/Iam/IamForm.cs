using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;

namespace DynatraceAws.Core.Aws.Iam
{
    /// <summary>
    /// The body of one IAM Query request: Action, Version, then the members by their model names,
    /// lists as Name.member.N, form-encoded.
    /// </summary>
    internal sealed class IamForm
    {
        public const string ApiVersion = "2010-05-08";

        private readonly List<KeyValuePair<string, string>> _fields = new List<KeyValuePair<string, string>>();

        public IamForm(string action)
        {
            Action = action;
            Add("Action", action);
            Add("Version", ApiVersion);
        }

        public string Action { get; }

        public IamForm Add(string name, string value)
        {
            _fields.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public IamForm AddIfPresent(string name, string? value) => value is null ? this : Add(name, value);

        public IamForm Add(string name, bool value) => Add(name, value ? "true" : "false");

        public IamForm AddTags(IReadOnlyList<IamTag> tags)
        {
            for (var i = 0; i < tags.Count; i++)
            {
                var prefix = "Tags.member." + (i + 1).ToString(CultureInfo.InvariantCulture);
                Add(prefix + ".Key", tags[i].Key);
                Add(prefix + ".Value", tags[i].Value);
            }
            return this;
        }

        /// <summary>application/x-www-form-urlencoded; charset=utf-8, percent-encoded (%20, never '+').</summary>
        public HttpContent ToContent() =>
            new StringContent(
                string.Join("&", _fields.Select(f => Rfc3986.Encode(f.Key) + "=" + Rfc3986.Encode(f.Value))),
                Encoding.UTF8,
                "application/x-www-form-urlencoded");
    }
}
