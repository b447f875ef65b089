using System;
using System.Text.Json;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>A stored monitoring configuration. Immutable: every write replaces it.</summary>
internal sealed record MonitoringConfigurationObject(
    long Sequence,
    string ObjectId,
    string ExtensionName,
    string Scope,
    JsonElement Value,
    DateTimeOffset Created,
    string CreatedBy,
    DateTimeOffset Modified,
    string ModifiedBy)
{
    public string AccountId => CredentialOf(Value).GetProperty("accountId").GetString()!;

    public string ConnectionId => CredentialOf(Value).GetProperty("connectionId").GetString()!;

    public MonitoringConfiguration ToPublic() => new(ObjectId, AccountId, ConnectionId, Value.GetRawText());

    /// <summary>The single credential of a value that passed <see cref="MonitoringConfigurationRules"/>.</summary>
    public static JsonElement CredentialOf(JsonElement value) => value.GetProperty("aws").GetProperty("credentials")[0];
}
