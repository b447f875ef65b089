using System;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.IO;
using System.Text;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// Settings object ids and update tokens in the shape real environments hand out: URL-safe base64
/// of a marker, length-prefixed strings and the marker again. Clients must treat them as opaque;
/// they are long and carry '-' and '_', which is what breaks clients that assume GUIDs.
/// </summary>
internal static class OpaqueIds
{
    private static readonly byte[] ObjectIdMarker = [0xBE, 0xEF, 0x54, 0xDE, 0x15, 0xDA, 0xDE, 0xAD];
    private static readonly byte[] UpdateTokenMarker = [0xBE, 0xEF, 0x54, 0xDE, 0x15, 0xD8, 0xDE, 0xAD];

    public static string NewObjectId(string schemaId)
    {
        using var buffer = new MemoryStream();
        buffer.Write(ObjectIdMarker);
        WriteInt32(buffer, 1);
        foreach (var part in new[] { schemaId, "tenant", "tenant", Guid.NewGuid().ToString() }) WriteString(buffer, part);
        buffer.Write(ObjectIdMarker);
        return Base64Url.EncodeToString(buffer.ToArray());
    }

    public static string NewUpdateToken()
    {
        using var buffer = new MemoryStream();
        buffer.Write(UpdateTokenMarker);
        WriteString(buffer, Guid.NewGuid().ToString());
        WriteString(buffer, Guid.NewGuid().ToString());
        buffer.Write(UpdateTokenMarker);
        return Base64Url.EncodeToString(buffer.ToArray());
    }

    private static void WriteInt32(Stream stream, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteString(Stream stream, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
