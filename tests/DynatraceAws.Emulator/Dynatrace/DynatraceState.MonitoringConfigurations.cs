using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DynatraceAws.Emulator.Dynatrace;

public sealed partial class DynatraceState
{
    /// <summary>
    /// A value field the service manages (modificationPolicy NEVER): a PUT that drops or changes it
    /// is refused, so only clients that send back the value they read can update. Its real place in
    /// the value is undocumented; any place tests the same client behaviour.
    /// </summary>
    private const string TenantInstanceId = "tenantInstanceId";

    private readonly Dictionary<string, MonitoringConfigurationObject> _configurations = new(StringComparer.Ordinal);

    /// <summary>The monitoring configurations of every extension, oldest first.</summary>
    public IReadOnlyList<MonitoringConfiguration> MonitoringConfigurations
    {
        get
        {
            lock (_gate) return _configurations.Values.OrderBy(c => c.Sequence).Select(c => c.ToPublic()).ToArray();
        }
    }

    internal ApiError? RequireExtension(string extensionName)
    {
        lock (_gate) return _extensions.ContainsKey(extensionName) ? null : ExtensionNotInstalled(extensionName);
    }

    internal Outcome<string> CreateMonitoringConfiguration(string extensionName, JsonElement value, string author)
    {
        lock (_gate)
        {
            if (!_extensions.TryGetValue(extensionName, out var extension)) return ExtensionNotInstalled(extensionName);
            if (CheckConfiguration(extension, value, current: null) is { } error) return error;

            var stamped = JsonNode.Parse(value.GetRawText())!.AsObject();
            stamped[TenantInstanceId] = Guid.NewGuid().ToString();
            var now = DateTimeOffset.UtcNow;
            var created = new MonitoringConfigurationObject(
                NextSequence(), Guid.NewGuid().ToString(), extensionName, DaAwsCatalogue.Scope,
                JsonSerializer.SerializeToElement(stamped), now, author, now, author);
            _configurations[created.ObjectId] = created;
            return created.ObjectId;
        }
    }

    internal Outcome<string> UpdateMonitoringConfiguration(string extensionName, string objectId, JsonElement value, string author)
    {
        lock (_gate)
        {
            if (FindConfiguration(extensionName, objectId).Failed(out var error, out var current)) return error;
            if (CheckConfiguration(_extensions[extensionName], value, current) is { } invalid) return invalid;
            _configurations[objectId] = current with { Value = value.Clone(), Modified = DateTimeOffset.UtcNow, ModifiedBy = author };
            return objectId;
        }
    }

    /// <summary>Deletes the configuration and, as the real service does in the background, the connection it names.</summary>
    internal ApiError? DeleteMonitoringConfiguration(string extensionName, string objectId)
    {
        lock (_gate)
        {
            if (FindConfiguration(extensionName, objectId).Failed(out var error, out var current)) return error;
            _configurations.Remove(objectId);
            _settings.Remove(current.ConnectionId);
            return null;
        }
    }

    internal Outcome<MonitoringConfigurationObject> GetMonitoringConfiguration(string extensionName, string objectId)
    {
        lock (_gate) return FindConfiguration(extensionName, objectId);
    }

    internal Outcome<IReadOnlyList<MonitoringConfigurationObject>> ListMonitoringConfigurations(string extensionName)
    {
        lock (_gate)
        {
            if (!_extensions.ContainsKey(extensionName)) return ExtensionNotInstalled(extensionName);
            return _configurations.Values.Where(c => c.ExtensionName == extensionName).OrderBy(c => c.Sequence).ToArray();
        }
    }

    /// <summary>OK once the connection has a role ARN (which was checked when written); PENDING before; ERROR without a connection.</summary>
    internal Outcome<string> MonitoringConfigurationStatus(string extensionName, string objectId)
    {
        lock (_gate)
        {
            if (FindConfiguration(extensionName, objectId).Failed(out var error, out var current)) return error;
            if (!_settings.TryGetValue(current.ConnectionId, out var connection)) return "ERROR";
            return connection.RoleArn.Length > 0 ? "OK" : "PENDING";
        }
    }

    private Outcome<MonitoringConfigurationObject> FindConfiguration(string extensionName, string objectId)
    {
        if (!_extensions.ContainsKey(extensionName)) return ExtensionNotInstalled(extensionName);
        return _configurations.TryGetValue(objectId, out var found) && found.ExtensionName == extensionName
            ? found
            : ApiError.NotFound($"Monitoring configuration {objectId} not found.");
    }

    private ApiError? CheckConfiguration(InstalledExtension extension, JsonElement value, MonitoringConfigurationObject? current)
    {
        var violations = new List<ConstraintViolation>();
        var version = value.GetProperty("version").GetString()!;
        if (!extension.Versions.Contains(version))
        {
            violations.Add(new("value/version", $"Version {version} of {extension.Name} is not installed; installed: {string.Join(", ", extension.Versions)}."));
        }

        var credential = MonitoringConfigurationObject.CredentialOf(value);
        var connectionId = credential.GetProperty("connectionId").GetString()!;
        var accountId = credential.GetProperty("accountId").GetString()!;
        const string credentialPath = MonitoringConfigurationRules.CredentialPath;
        if (!_settings.TryGetValue(connectionId, out var connection))
        {
            violations.Add(new($"{credentialPath}/connectionId", $"Invalid account ID provided: there is no AWS connection {connectionId}."));
        }
        else if (AwsConnectionSchema.AccountOf(connection.RoleArn) is { } roleAccount && roleAccount != accountId)
        {
            violations.Add(new($"{credentialPath}/accountId", $"Invalid account ID provided: AWS connection {connectionId} has a role in account {roleAccount}."));
        }
        if (_configurations.Values.Any(c => c.ObjectId != current?.ObjectId && c.AccountId == accountId))
        {
            violations.Add(new($"{credentialPath}/accountId", MonitoringConfigurationRules.AccountNotUniqueMessage));
        }
        if (current is not null && !SameTenantInstanceId(current.Value, value))
        {
            violations.Add(new($"value/{TenantInstanceId}", $"{TenantInstanceId} cannot be modified: send back the value read from the configuration."));
        }
        return violations.Count > 0 ? ApiError.Invalid(violations) : null;
    }

    private static bool SameTenantInstanceId(JsonElement stored, JsonElement update) =>
        update.TryGetProperty(TenantInstanceId, out var sent)
        && sent.ValueKind == JsonValueKind.String
        && sent.GetString() == stored.GetProperty(TenantInstanceId).GetString();
}
