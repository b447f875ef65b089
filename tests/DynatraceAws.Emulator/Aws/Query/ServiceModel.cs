using System;
using System.Linq;
using System.Text.Json;

namespace DynatraceAws.Emulator.Aws.Query;

/// <summary>
/// What a botocore service model (shared/contracts/aws/*.service-2.json, embedded) states and the
/// emulator enforces: the length, pattern and range of an operation's input members, and the code
/// and HTTP status of a modeled error.
/// </summary>
internal sealed class ServiceModel
{
    public static ServiceModel Iam { get; } = new("contracts/aws/iam-2010-05-08.service-2.json");

    public static ServiceModel Sts { get; } = new("contracts/aws/sts-2011-06-15.service-2.json");

    private readonly JsonElement _operations;
    private readonly JsonElement _shapes;

    private ServiceModel(string file)
    {
        using var document = EmbeddedFile.Json(file);
        _operations = document.RootElement.GetProperty("operations").Clone();
        _shapes = document.RootElement.GetProperty("shapes").Clone();
    }

    /// <summary>A string member of an operation's input: its length bounds and pattern.</summary>
    public StringRule String(string operation, string member) => StringRule(InputMember(operation, member));

    /// <summary>A string member of a structure shape (Tag's Key): its length bounds and pattern.</summary>
    public StringRule StructureString(string structure, string member) =>
        StringRule(Shape(_shapes.GetProperty(structure).GetProperty("members").GetProperty(member).GetProperty("shape").GetString()!));

    /// <summary>The bounds of an integer member, or of the length of a list member, of an operation's input.</summary>
    public (int Min, int Max) Range(string operation, string member)
    {
        var shape = InputMember(operation, member);
        return (Bound(shape, "min") ?? 0, Bound(shape, "max") ?? int.MaxValue);
    }

    /// <summary>An error the model states (NoSuchEntity: 404), with the message the service gives.</summary>
    public AwsError Error(string code, string message)
    {
        var error = _shapes.EnumerateObject().Select(shape => shape.Value)
            .Where(shape => shape.TryGetProperty("error", out var e) && e.GetProperty("code").GetString() == code)
            .Select(shape => shape.GetProperty("error"))
            .DefaultIfEmpty()
            .First();
        if (error.ValueKind != JsonValueKind.Object) throw new InvalidOperationException($"The model states no error {code}.");
        return new AwsError(error.GetProperty("httpStatusCode").GetInt32(), code, message);
    }

    private JsonElement InputMember(string operation, string member)
    {
        var input = _operations.GetProperty(operation).GetProperty("input").GetProperty("shape").GetString()!;
        return Shape(_shapes.GetProperty(input).GetProperty("members").GetProperty(member).GetProperty("shape").GetString()!);
    }

    private JsonElement Shape(string name) => _shapes.GetProperty(name);

    private static StringRule StringRule(JsonElement shape) =>
        new(Bound(shape, "min") ?? 0, Bound(shape, "max") ?? int.MaxValue, shape.TryGetProperty("pattern", out var pattern) ? pattern.GetString() : null);

    private static int? Bound(JsonElement shape, string name) => shape.TryGetProperty(name, out var bound) ? bound.GetInt32() : null;
}
