using System;

namespace DynatraceAws.Core.Aws.Iam
{
    public sealed class IamTag
    {
        public IamTag(string key, string value)
        {
            if (string.IsNullOrEmpty(key)) throw new ArgumentException("A tag key is empty.", nameof(key));
            Key = key;
            Value = value ?? throw new ArgumentNullException(nameof(value));
        }

        public string Key { get; }

        public string Value { get; }

        public override string ToString() => $"{Key}={Value}";
    }
}
