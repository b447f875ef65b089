namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// The page parameters of the lists whose sources disagree on them (docs/api-facts.md). Each
/// defaults to the reading with the firmest source; a test sets another to show a client copes.
/// </summary>
public sealed class PageParameters
{
    public const string PageKey = "page-key";
    public const string NextPageKey = "next-page-key";

    /// <summary>
    /// Where the platform extensions API takes a page key: next-page-key, as Dynatrace's own
    /// clients (configuration-as-code-core, dtctl) send it and as the 400 quoted in dtctl's history
    /// names it; the docs say page-key.
    /// </summary>
    public string ExtensionsPageKey { get; set; } = NextPageKey;

    /// <summary>
    /// What the extensions API does with the other spelling of the page key: a 400 that names
    /// <see cref="ExtensionsPageKey"/> (true), or nothing: it serves the first page again.
    /// </summary>
    public bool ExtensionsRefuseOtherPageKey { get; set; } = true;

    /// <summary>
    /// The page number parameter of the platform tokens list (numbered from 0): page, as the docs
    /// say, or pageNumber, as dtctl sends it. The other spelling is ignored.
    /// </summary>
    public string PlatformTokenPage { get; set; } = "page";

    /// <summary>The page size parameter of the platform tokens list: size (the docs) or pageSize (dtctl).</summary>
    public string PlatformTokenPageSize { get; set; } = "size";

    internal CursorPaging Extensions(int defaultPageSize, int maxPageSize) =>
        new(ExtensionsPageKey, ExtensionsPageKey == NextPageKey ? PageKey : NextPageKey, ExtensionsRefuseOtherPageKey, defaultPageSize, maxPageSize);
}
