using System.Buffers.Text;
using System.Text.Json;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// Opaque page keys: the whole query of the first page, baked in, which is why real environments
/// reject any other parameter next to a page key.
/// </summary>
internal static class PageKey
{
    public static string Encode<TCursor>(TCursor cursor) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(cursor));

    public static TCursor? Decode<TCursor>(string key)
    {
        try
        {
            return JsonSerializer.Deserialize<TCursor>(Base64Url.DecodeFromChars(key));
        }
        catch (System.Exception e) when (e is JsonException or System.FormatException)
        {
            return default;
        }
    }
}
