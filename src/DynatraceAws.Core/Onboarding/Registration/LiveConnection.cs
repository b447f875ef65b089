using DynatraceAws.Core.Dynatrace;

namespace DynatraceAws.Core.Onboarding.Registration
{
    /// <summary>An account's connection while its plan is applied: as read, then as created and written.</summary>
    internal sealed class LiveConnection
    {
        public LiveConnection(AwsConnection? read) => Connection = read;

        public AwsConnection? Connection { get; set; }

        /// <summary>The value of a connection this run created, so writing its role ARN needs no read first.</summary>
        public SettingsObject? Known { get; private set; }

        public void Created(Outcome<AwsConnection> outcome)
        {
            Connection = outcome.Item;
            // A connection found under the name meanwhile is read before it is written, as any other.
            Known = outcome.Changed ? new SettingsObject(outcome.Item.ConnectionId, AwsConnectionDocument.New(outcome.Item.ConnectionName), null) : null;
        }
    }
}
