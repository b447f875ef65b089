namespace DynatraceAws.Core.Plans
{
    /// <summary>One write a plan makes: on which side, to what, how, and the value before and after.</summary>
    public sealed class PlannedChange
    {
        public const string Dynatrace = "Dynatrace";
        public const string Aws = "AWS";

        public PlannedChange(string side, string action, string target, string? before = null, string? after = null)
        {
            Side = side;
            Action = action;
            Target = target;
            Before = before;
            After = after;
        }

        /// <summary>Dynatrace or AWS.</summary>
        public string Side { get; }

        /// <summary>Create, Update or Delete (see <see cref="ChangeAction"/>).</summary>
        public string Action { get; }

        /// <summary>What is written, in words: "AWS connection 'aws-prod'", "trust policy of role DynatraceMonitoringRole".</summary>
        public string Target { get; }

        /// <summary>For an update: the value as read. Null for a create or delete.</summary>
        public string? Before { get; }

        /// <summary>For an update: the value written. Null for a delete.</summary>
        public string? After { get; }

        public override string ToString()
        {
            var text = $"{Side}: {Action.ToLowerInvariant()} {Target}";
            if (Before is null && After is null) return text;
            return Before is null ? $"{text} ({After})" : $"{text}: {Before} -> {After ?? "(none)"}";
        }
    }

    /// <summary>The actions a <see cref="PlannedChange"/> names; text, so results export as they read.</summary>
    public static class ChangeAction
    {
        public const string Create = "Create";
        public const string Update = "Update";
        public const string Delete = "Delete";
    }
}
