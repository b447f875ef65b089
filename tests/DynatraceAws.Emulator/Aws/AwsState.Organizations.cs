using DynatraceAws.Emulator.Aws.Organizations;

namespace DynatraceAws.Emulator.Aws;

public sealed partial class AwsState
{
    /// <summary>The emulator's AWS organization; it exists once a test calls <see cref="EmulatedOrganization.Create"/>.</summary>
    public EmulatedOrganization Organization { get; } = new();
}
