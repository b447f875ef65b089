using System;
using System.Collections.Generic;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Core.Http
{
    /// <summary>
    /// Ends a paged read that would not end, of any service: a page key (Dynatrace's page key, IAM's
    /// Marker, Organizations' NextToken) that comes back, or more than <see cref="MaxPages"/> pages,
    /// is ListPagingFailed instead of a loop. One guard per read.
    /// </summary>
    internal sealed class PageGuard
    {
        /// <summary>Far more pages than any list this module reads fills at its page size.</summary>
        public const int MaxPages = 1000;

        private readonly string _service;
        private readonly string _operation;
        private readonly HashSet<string> _keysSent = new HashSet<string>(StringComparer.Ordinal);

        public PageGuard(string service, string operation)
        {
            _service = service;
            _operation = operation;
        }

        /// <summary>The pages asked for so far, the first one included.</summary>
        public int Pages { get; private set; } = 1;

        public bool WasSent(string? key) => key != null && _keysSent.Contains(key);

        /// <summary>Notes the key of the next page to ask for.</summary>
        public void Sending(string key) => _keysSent.Add(key);

        /// <summary>Counts the next request; one past <see cref="MaxPages"/> is ListPagingFailed.</summary>
        public void NextPage()
        {
            if (Pages >= MaxPages) throw Failed($"the list did not end within {MaxPages} pages, so reading it stopped.");
            Pages++;
        }

        /// <summary>For a list with one page parameter: the next page is asked for with <paramref name="key"/>, unless it came back.</summary>
        public void Next(string key, string parameter)
        {
            if (WasSent(key)) throw ServedAgain(parameter);
            Sending(key);
            NextPage();
        }

        public DynatraceAwsException ServedAgain(string parameter) =>
            Failed($"{_service} answered the request for page {Pages} ({parameter}) with a page it had served already, so the list cannot be read to its end.");

        private DynatraceAwsException Failed(string problem) =>
            new DynatraceAwsException("ListPagingFailed", FailureCategory.ProtocolError, $"{_operation}: {problem}",
                "Run the command again; if it fails the same way, report it with the -Debug output, which shows every page request.");
    }
}
