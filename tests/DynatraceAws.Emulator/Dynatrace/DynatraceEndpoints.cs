using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Dynatrace;

internal static class DynatraceEndpoints
{
    public static void Map(WebApplication app, DynatraceState state)
    {
        SsoEndpoints.Map(app, state);
        SettingsEndpoints.Map(app, state);
        ExtensionEndpoints.Map(app, state);
        MonitoringConfigurationEndpoints.Map(app, state);
        AwsCredentialEndpoints.Map(app, state);
        AccountPolicyEndpoints.Map(app, state);
        AccountIdentityEndpoints.Map(app, state);
        // Unknown platform paths (and unsupported methods) answer with the envelope, after authentication, like the real gateway.
        app.MapFallback("/platform/{**path}", (HttpRequest request) =>
                ErrorEnvelope.Result(ApiError.NotFound($"No endpoint {request.Method} {request.Path}.")))
            .RequireScope(state, scope: null);
    }
}
