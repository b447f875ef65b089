using System;
using System.Collections.Generic;

namespace DynatraceAws.Emulator.Dynatrace;

public sealed record IamPolicyRecord(string Uuid, string LevelType, string LevelId, string Name, string Description, string StatementQuery);

public sealed record IamBindingRecord(string LevelType, string LevelId, string PolicyUuid, string GroupUuid, IReadOnlyList<string> Boundaries);

public sealed record IamGroupRecord(string Uuid, string Name, string Description, string Owner, DateTimeOffset CreatedAt,
    IReadOnlyList<string> FederatedAttributeValues);

public sealed record ServiceUserRecord(string Uid, string Email, string Name, string Description, string GroupUuid, DateTimeOffset CreatedAt);

public sealed record PlatformTokenRecord(string TokenId, string Name, IReadOnlyList<string> Scope, IReadOnlyList<string> Resource,
    DateTimeOffset ExpirationDate, string UserUuid);
