using System.Diagnostics.CodeAnalysis;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>What a state operation or a request parser produced: a value, or the error the API answers with.</summary>
internal readonly record struct Outcome<T>(T? Value, ApiError? Error)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(ApiError error) => new(default, error);

    public bool Failed([NotNullWhen(true)] out ApiError? error, [NotNullWhen(false)] out T? value)
    {
        error = Error;
        value = Value;
        return error is not null;
    }
}
