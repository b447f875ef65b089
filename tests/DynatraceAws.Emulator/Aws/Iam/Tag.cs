namespace DynatraceAws.Emulator.Aws.Iam;

internal sealed record Tag(string Key, string Value);
