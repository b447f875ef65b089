using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Iam;

/// <summary>The constraints of the IAM model's input members that the emulated actions take, as the model states them.</summary>
internal static class IamInput
{
    public static readonly StringRule RoleName = ServiceModel.Iam.String("CreateRole", "RoleName");
    public static readonly StringRule PolicyName = ServiceModel.Iam.String("CreatePolicy", "PolicyName");
    public static readonly StringRule RolePath = ServiceModel.Iam.String("CreateRole", "Path");
    public static readonly StringRule RolePathPrefix = ServiceModel.Iam.String("ListRoles", "PathPrefix");
    public static readonly StringRule PolicyPath = ServiceModel.Iam.String("CreatePolicy", "Path");
    public static readonly StringRule RoleDescription = ServiceModel.Iam.String("CreateRole", "Description");
    public static readonly StringRule PolicyDescription = ServiceModel.Iam.String("CreatePolicy", "Description");
    public static readonly StringRule VersionId = ServiceModel.Iam.String("GetPolicyVersion", "VersionId");
    public static readonly StringRule PolicyDocument = ServiceModel.Iam.String("CreatePolicy", "PolicyDocument");
    public static readonly StringRule Arn = ServiceModel.Iam.String("GetPolicy", "PolicyArn");
    public static readonly StringRule TagKey = ServiceModel.Iam.StructureString("Tag", "Key");
    public static readonly StringRule TagValue = ServiceModel.Iam.StructureString("Tag", "Value");
    public static readonly (int Min, int Max) SessionDuration = ServiceModel.Iam.Range("CreateRole", "MaxSessionDuration");
}
