using System.Text.RegularExpressions;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Aws
{
    /// <summary>The shape every AWS region name has: us-east-1, us-gov-west-1, eusc-de-east-1.</summary>
    public static class AwsRegionName
    {
        private static readonly Regex Shape = new Regex(@"^[a-z]{2,4}(-[a-z]+)+-[0-9]+\z", RegexOptions.CultureInvariant);

        /// <summary>The longest region names are about 15 characters; 32 leaves room and refuses junk.</summary>
        private const int MaxLength = 32;

        public static bool IsValid(string? region) => region != null && region.Length <= MaxLength && Shape.IsMatch(region);

        /// <summary>Throws when <paramref name="region"/> is not a region name; the message names <paramref name="fieldName"/>.</summary>
        public static void Validate(string? region, string fieldName)
        {
            if (IsValid(region)) return;
            throw new InvalidInputException("InvalidRegion", fieldName, region, "is not an AWS region name",
                "Use a lower-case region code such as us-east-1 or eu-central-1.");
        }
    }
}
