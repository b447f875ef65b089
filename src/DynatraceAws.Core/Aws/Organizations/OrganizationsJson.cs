using System.Net;
using System.Text.Json;

namespace DynatraceAws.Core.Aws.Organizations
{
    /// <summary>Reads the JSON answers of Organizations into the module's types.</summary>
    internal static class OrganizationsJson
    {
        public static JsonDocument Parse(string operation, string body)
        {
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new OrganizationsException(operation, OrganizationsErrorCodes.NoErrorDocument,
                    "The answer is not JSON: " + ex.Message, null, HttpStatusCode.OK);
            }
        }

        public static JsonElement Required(string operation, JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? value
                : throw new OrganizationsException(operation, OrganizationsErrorCodes.NoErrorDocument,
                    $"The answer has no '{name}'.", null, HttpStatusCode.OK);

        public static string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        public static OrganizationalUnit Unit(JsonElement element) =>
            new OrganizationalUnit(Text(element, "Id") ?? "", Text(element, "Name") ?? "", Text(element, "Arn") ?? "");

        /// <remarks>State supersedes the deprecated Status; an answer may carry either.</remarks>
        public static OrganizationAccount Account(JsonElement element) => new OrganizationAccount(
            Text(element, "Id") ?? "",
            Text(element, "Name") ?? "",
            Text(element, "Email") ?? "",
            Text(element, "State") ?? Text(element, "Status") ?? "",
            Text(element, "Arn") ?? "");

        public static OrganizationDescription Organization(JsonElement element) => new OrganizationDescription(
            Text(element, "Id") ?? "", Text(element, "Arn") ?? "", Text(element, "MasterAccountId") ?? "", Text(element, "FeatureSet") ?? "");
    }
}
