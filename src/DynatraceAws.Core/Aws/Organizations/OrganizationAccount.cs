namespace DynatraceAws.Core.Aws.Organizations
{
    /// <summary>
    /// A member account of the organization. AccountId and Name bind by property name to
    /// Register-DtAwsAccount, so the list pipes straight into onboarding.
    /// </summary>
    public sealed class OrganizationAccount
    {
        public const string Active = "ACTIVE";

        public OrganizationAccount(string accountId, string name, string email, string status, string arn,
            string organizationalUnitId = "", string organizationalUnitPath = "")
        {
            AccountId = accountId;
            Name = name;
            Email = email;
            Status = status;
            Arn = arn;
            OrganizationalUnitId = organizationalUnitId;
            OrganizationalUnitPath = organizationalUnitPath;
        }

        public string AccountId { get; }
        public string Name { get; }
        public string Email { get; }

        /// <summary>ACTIVE, SUSPENDED, PENDING_CLOSURE, ... (the account's State, or its Status where State is not given).</summary>
        public string Status { get; }

        public string Arn { get; }

        /// <summary>The root or OU the account is directly in.</summary>
        public string OrganizationalUnitId { get; }

        /// <summary>The names from the root down, e.g. "Root/Workloads/Prod".</summary>
        public string OrganizationalUnitPath { get; }

        internal OrganizationAccount In(OrganizationalUnit parent, string path) =>
            new OrganizationAccount(AccountId, Name, Email, Status, Arn, parent.Id, path);

        public override string ToString() => $"{AccountId} ({Name})";
    }
}
