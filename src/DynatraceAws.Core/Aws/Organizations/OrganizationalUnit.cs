namespace DynatraceAws.Core.Aws.Organizations
{
    /// <summary>A root (r-...) or organizational unit (ou-...): a parent of accounts and OUs.</summary>
    public sealed class OrganizationalUnit
    {
        public OrganizationalUnit(string id, string name, string arn)
        {
            Id = id;
            Name = name;
            Arn = arn;
        }

        public string Id { get; }
        public string Name { get; }
        public string Arn { get; }

        public override string ToString() => $"{Name} ({Id})";
    }
}
