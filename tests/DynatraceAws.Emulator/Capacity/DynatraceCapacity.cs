using System;

namespace DynatraceAws.Emulator.Capacity;

/// <summary>
/// How much an environment serves at once, as Dynatrace's "Access limit" page describes it: every
/// environment has a limited thread pool with a queue for request processing; a request is
/// refused with 429 when both are full or when it has waited in the queue for 10 seconds. The page
/// gives no size for either, so both are settings.
/// </summary>
/// <param name="Threads">Requests served at once.</param>
/// <param name="Queue">Requests that may wait for a thread.</param>
public sealed record DynatraceCapacity(int Threads, int Queue)
{
    public int Threads { get; } = Threads >= 1 ? Threads : throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "At least one thread.");
    public int Queue { get; } = Queue >= 0 ? Queue : throw new ArgumentOutOfRangeException(nameof(Queue), Queue, "No negative queue.");

    /// <summary>How long a request may wait in the queue before it is refused.</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
