using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// A PowerShell host with a user interface, as pwsh's: non-interactive, its prompts fail the way
/// <c>pwsh -NonInteractive</c> fails them (the host of every CI step); interactive, they take the
/// default answer. Either way it counts the prompts and keeps every line written to it.
/// </summary>
internal sealed class TestHost : PSHost
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly TestHostUserInterface _ui;

    public TestHost(bool interactive) => _ui = new TestHostUserInterface(interactive);

    public int Prompts => _ui.Prompts;

    public IReadOnlyCollection<string> Written => _ui.Written;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override Guid InstanceId => _id;
    public override string Name => "DynatraceAws test host";
    public override PSHostUserInterface UI => _ui;
    public override Version Version => new(1, 0);
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }

    private sealed class TestHostUserInterface : PSHostUserInterface
    {
        private readonly bool _interactive;
        private readonly ConcurrentQueue<string> _written = new();
        private int _prompts;

        public TestHostUserInterface(bool interactive) => _interactive = interactive;

        public int Prompts => _prompts;
        public IReadOnlyCollection<string> Written => _written;

        /// <summary>Counts the prompt; fails it as pwsh -NonInteractive does, or answers it.</summary>
        private T Ask<T>(T answer)
        {
            System.Threading.Interlocked.Increment(ref _prompts);
            if (!_interactive)
                throw new PSInvalidOperationException("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.");
            return answer;
        }

        public override PSHostRawUserInterface? RawUI => null;
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => Ask(new Dictionary<string, PSObject>());
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => Ask(defaultChoice);
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => Ask<PSCredential>(null!);
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => Ask<PSCredential>(null!);
        public override string ReadLine() => Ask("");
        public override SecureString ReadLineAsSecureString() => Ask(new SecureString());
        public override void Write(string value) => _written.Enqueue(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => _written.Enqueue(value);
        public override void WriteLine(string value) => _written.Enqueue(value);
        public override void WriteDebugLine(string message) => _written.Enqueue("DEBUG: " + message);
        public override void WriteErrorLine(string value) => _written.Enqueue(value);
        public override void WriteVerboseLine(string message) => _written.Enqueue("VERBOSE: " + message);
        public override void WriteWarningLine(string message) => _written.Enqueue("WARNING: " + message);
        public override void WriteProgress(long sourceId, ProgressRecord record) => _written.Enqueue($"PROGRESS: {record.Activity} {record.StatusDescription}");
    }
}
