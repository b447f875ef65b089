using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>The constraints of the IAM model's input members that the emulated actions take.</summary>
internal static class IamInput
{
    public static readonly StringRule RoleName = new(1, 64, @"[\w+=,.@-]+");
    public static readonly StringRule PolicyName = new(1, 128, @"[\w+=,.@-]+");
    public static readonly StringRule RolePath = new(1, 512, @"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)");
    public static readonly StringRule RolePathPrefix = new(1, 512, @"\u002F[\u0021-\u007F]*");
    public static readonly StringRule PolicyPath = new(1, 512, @"((/[A-Za-z0-9\.,\+@=_-]+)*)/");
    public static readonly StringRule RoleDescription = new(0, 1000, @"[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*");
    public static readonly StringRule PolicyDescription = new(0, 1000);
    public static readonly StringRule VersionId = new(0, int.MaxValue, @"v[1-9][0-9]*(\.[A-Za-z0-9-]*)?");
    public const int MinSessionDuration = 3600;
    public const int MaxSessionDuration = 43200;
}
