using System;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>The real time plus however far a test has stepped it: signatures made now stay within AWS's 15-minute skew.</summary>
internal sealed class SteppedClock : TimeProvider
{
    private TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
