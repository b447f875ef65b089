namespace DynatraceAws.Core.Dynatrace
{
    public static class OAuthScopes
    {
        /// <summary>What onboarding needs of an environment (seed 000); installing an extension also needs extensions:definitions:write.</summary>
        public static readonly string[] EnvironmentDefaults =
        {
            "settings:objects:read",
            "settings:objects:write",
            "extensions:definitions:read",
            "extensions:configurations:read",
            "extensions:configurations:write",
        };

        public static string EnvironmentResource(string environmentId) => "urn:dtenvironment:" + environmentId;
    }
}
