using System.Collections.Generic;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>
    /// One write of an IAM policy, decided from a read and not yet sent: the policy to create, or the
    /// fields of an existing one that really change. Nothing to change means nothing to send.
    /// </summary>
    public sealed class PolicyEdit
    {
        public const string NameField = "name";
        public const string DescriptionField = "description";
        public const string StatementsField = "statements";

        private PolicyEdit(IamPolicy? current, string name, string description, string statementQuery, IReadOnlyList<string> changes)
        {
            Current = current;
            Name = name;
            Description = description;
            StatementQuery = statementQuery;
            Changes = changes;
        }

        /// <summary>The policy as read; null when it is to be created.</summary>
        public IamPolicy? Current { get; }

        public string Name { get; }
        public string Description { get; }
        public string StatementQuery { get; }

        /// <summary>The fields an update changes (<see cref="NameField"/>, <see cref="DescriptionField"/>, <see cref="StatementsField"/>); empty for a create.</summary>
        public IReadOnlyList<string> Changes { get; }

        public bool IsCreate => Current is null;

        /// <summary>The policy exists exactly as asked: no request to send, no confirmation to ask.</summary>
        public bool IsNoChange => Current != null && Changes.Count == 0;

        public static PolicyEdit Create(string name, string description, string statementQuery) =>
            new PolicyEdit(null, name, description, statementQuery, new string[0]);

        public static PolicyEdit None(IamPolicy current) =>
            new PolicyEdit(current, current.Name, current.Description, current.StatementQuery ?? "", new string[0]);

        /// <summary>
        /// The given values that differ from the policy's. A blank value (an empty CSV cell) keeps the
        /// policy's own; statements that differ only in whitespace are the same.
        /// </summary>
        public static PolicyEdit Of(IamPolicy current, string? name, string? description, string? statementQuery)
        {
            var newName = Blank(name) ? current.Name : name!;
            var newDescription = Blank(description) ? current.Description : description!;
            var currentStatement = current.StatementQuery ?? "";
            var newStatement = Blank(statementQuery) || PolicyStatement.AreSame(statementQuery, currentStatement) ? currentStatement : statementQuery!;
            var changes = new List<string>();
            if (newName != current.Name) changes.Add(NameField);
            if (newDescription != current.Description) changes.Add(DescriptionField);
            if (newStatement != currentStatement) changes.Add(StatementsField);
            return new PolicyEdit(current, newName, newDescription, newStatement, changes);
        }

        private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
    }
}
