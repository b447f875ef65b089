using Microsoft.AspNetCore.Builder;

namespace DynatraceAws.Emulator.Aws;

internal static class AwsEndpoints
{
    public static void Map(WebApplication app, AwsState state)
    {
    }
}
