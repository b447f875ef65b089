using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace DynatraceAws.Emulator.Dynatrace;

public sealed partial class DynatraceState
{
    private readonly Dictionary<string, SettingsObject> _settings = new(StringComparer.Ordinal);

    /// <summary>The AWS connection settings objects, oldest first.</summary>
    public IReadOnlyList<AwsConnection> Connections
    {
        get
        {
            lock (_gate) return _settings.Values.OrderBy(o => o.Sequence).Select(o => o.ToConnection()).ToArray();
        }
    }

    /// <returns>the new or replaced object's id; null when only validated.</returns>
    internal Outcome<string?> CreateSettingsObject(SettingsObjectCreate create, string author, bool validateOnly)
    {
        lock (_gate)
        {
            var replaced = create.ObjectId is not null ? _settings.GetValueOrDefault(create.ObjectId) : FindByExternalId(create);
            if (create.ObjectId is not null && replaced is null) return ApiError.NotFound($"Settings object {create.ObjectId} not found.");

            var objectId = replaced?.ObjectId ?? OpaqueIds.NewObjectId(create.SchemaId);
            if (CheckConnectionWrite(objectId, create.Value, replaced) is { } error) return error;
            if (validateOnly) return (string?)null;
            Store(replaced, objectId, create.SchemaId, create.Scope, create.ExternalId, create.Value, author);
            return objectId;
        }
    }

    /// <summary>
    /// An AWS connection made by another user (or in the UI, which is the same): private to that user
    /// under owner-based access, yet its name is taken for everyone.
    /// </summary>
    public string AddConnectionOwnedBy(string owner, string name)
    {
        var value = JsonSerializer.SerializeToElement(new
        {
            name, type = AwsConnectionSchema.RoleBased,
            awsRoleBasedAuthentication = new { roleArn = "", consumers = new[] { "SVC:com.dynatrace.da" } },
        });
        lock (_gate)
        {
            var objectId = OpaqueIds.NewObjectId(AwsConnectionSchema.SchemaId);
            Store(null, objectId, AwsConnectionSchema.SchemaId, "environment", null, value, owner);
            return objectId;
        }
    }

    internal Outcome<string> UpdateSettingsObject(string objectId, SettingsObjectUpdate update, string author, bool validateOnly)
    {
        lock (_gate)
        {
            if (Visible(objectId, author) is not { } current) return ApiError.NotFound($"Settings object {objectId} not found.");
            if (IsStale(current, update.UpdateToken)) return StaleUpdateToken(objectId);
            var violations = AwsConnectionSchema.Validate(update.Value);
            if (violations.Count > 0) return ApiError.Invalid(violations);
            if (CheckConnectionWrite(objectId, update.Value, current) is { } error) return error;
            if (!validateOnly) Store(current, objectId, current.SchemaId, current.Scope, current.ExternalId, update.Value, author);
            return objectId;
        }
    }

    internal ApiError? DeleteSettingsObject(string objectId, string? updateToken, string caller)
    {
        lock (_gate)
        {
            if (Visible(objectId, caller) is not { } current) return ApiError.NotFound($"Settings object {objectId} not found.");
            if (IsStale(current, updateToken)) return StaleUpdateToken(objectId);
            _settings.Remove(objectId);
            return null;
        }
    }

    internal SettingsObject? FindSettingsObject(string objectId, string caller)
    {
        lock (_gate) return Visible(objectId, caller);
    }

    internal (IReadOnlyList<SettingsObject> Page, int TotalCount) ListSettingsObjects(string caller, Func<SettingsObject, bool> matches, int offset,
        int pageSize)
    {
        lock (_gate)
        {
            var all = _settings.Values.Where(o => IsVisible(o, caller) && matches(o)).OrderBy(o => o.Sequence).ToArray();
            return (all.Skip(offset).Take(pageSize).ToArray(), all.Length);
        }
    }

    /// <summary>
    /// Owner-based access, which the AWS connection schema has (ownerBasedAccessControl): an object is
    /// private to the user who created it. Sharing and adminAccess are not emulated.
    /// </summary>
    private static bool IsVisible(SettingsObject settingsObject, string caller) => settingsObject.CreatedBy == caller;

    private SettingsObject? Visible(string objectId, string caller) =>
        _settings.TryGetValue(objectId, out var found) && IsVisible(found, caller) ? found : null;

    private SettingsObject? FindByExternalId(SettingsObjectCreate create) =>
        create.ExternalId is null
            ? null
            : _settings.Values.FirstOrDefault(o => o.ExternalId == create.ExternalId && o.Scope == create.Scope && o.SchemaId == create.SchemaId);

    private static bool IsStale(SettingsObject current, string? updateToken) =>
        updateToken is not null && updateToken != current.UpdateToken;

    private static ApiError StaleUpdateToken(string objectId) =>
        ApiError.Conflict($"Settings object {objectId} was modified since the update token was read.");

    /// <summary>The rules that need the other objects; then, for a value that passed them all, the role check (it asks AWS).</summary>
    private ApiError? CheckConnectionWrite(string objectId, JsonElement value, SettingsObject? current)
    {
        var violations = new List<ConstraintViolation>();
        var type = AwsConnectionSchema.TypeOf(value);
        if (current is not null && current.Type != type)
        {
            violations.Add(new("type", "The property type can not be modified."));
        }
        var name = AwsConnectionSchema.NameOf(value);
        if (_settings.Values.Any(o => o.ObjectId != objectId && o.Name == name))
        {
            violations.Add(new("name", AwsConnectionSchema.DuplicateNameMessage));
        }
        var roleArn = AwsConnectionSchema.RoleArnOf(value);
        if (violations.Count == 0 && type == AwsConnectionSchema.RoleBased && roleArn.Length > 0
            && WhyNotAssumable(roleArn, objectId) is { } reason)
        {
            violations.Add(new(JsonRules.Child(AwsConnectionSchema.RoleBased, "roleArn"), reason));
        }
        return violations.Count > 0 ? ApiError.Invalid(violations) : null;
    }

    private void Store(SettingsObject? current, string objectId, string schemaId, string scope, string? externalId, JsonElement value, string author)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _settings[objectId] = new SettingsObject(
            current?.Sequence ?? NextSequence(), objectId, schemaId, scope, externalId, value.Clone(), OpaqueIds.NewUpdateToken(),
            current?.Created ?? now, current?.CreatedBy ?? author, now, author);
    }
}
