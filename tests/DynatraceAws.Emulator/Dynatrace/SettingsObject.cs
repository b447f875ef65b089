using System.Text.Json;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>A stored settings object. Immutable: every write replaces it, with a new update token.</summary>
internal sealed record SettingsObject(
    long Sequence,
    string ObjectId,
    string SchemaId,
    string Scope,
    string? ExternalId,
    JsonElement Value,
    string UpdateToken,
    long Created,
    string CreatedBy,
    long Modified,
    string ModifiedBy)
{
    public string Name => AwsConnectionSchema.NameOf(Value);

    public string Type => AwsConnectionSchema.TypeOf(Value);

    public string RoleArn => AwsConnectionSchema.RoleArnOf(Value);

    public AwsConnection ToConnection() => new(ObjectId, Name, RoleArn, Type);
}
