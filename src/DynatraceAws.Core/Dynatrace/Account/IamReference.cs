namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>A policy or group as an input named it: its UUID, and its name when known.</summary>
    public sealed class IamReference
    {
        public IamReference(string uuid, string? name)
        {
            Uuid = uuid;
            Name = name;
        }

        public string Uuid { get; }
        public string? Name { get; }

        /// <summary>'Name' (uuid) when the name is known, else the UUID: how confirmations and messages show it.</summary>
        public override string ToString() => Name is null ? Uuid : $"'{Name}' ({Uuid})";
    }
}
