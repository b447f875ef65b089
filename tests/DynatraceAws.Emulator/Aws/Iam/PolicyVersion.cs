using System;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>One version of a managed policy: v1, v2, ... and its document as the client sent it.</summary>
internal sealed record PolicyVersion(string Id, string Document, DateTimeOffset Created);
