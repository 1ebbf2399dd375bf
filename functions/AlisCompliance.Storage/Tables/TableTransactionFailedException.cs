using System.Diagnostics.CodeAnalysis;
using Azure;

namespace AlisCompliance.Storage.Tables;

/// <summary>
/// An entity-group transaction was rejected: nothing was written. <see cref="FailedActionIndex"/> says which
/// action the service refused (it puts the index at the start of its error message).
/// </summary>
[SuppressMessage(
    "Roslynator",
    "RCS1194:Implement exception constructors",
    Justification = "The base's response-based constructors do not apply: TableClient creates this from one part of a batch answer.")]
public sealed class TableTransactionFailedException : RequestFailedException
{
    /// <summary>Creates the exception.</summary>
    public TableTransactionFailedException()
        : base("The table transaction failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public TableTransactionFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TableTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="status">The failing operation's HTTP status.</param>
    /// <param name="errorCode">The failing operation's error code.</param>
    /// <param name="message">The message.</param>
    /// <param name="failedActionIndex">The zero-based index of the refused action, when the service named it.</param>
    /// <param name="failedAction">The refused action, when known.</param>
    public TableTransactionFailedException(int status, string? errorCode, string message, int? failedActionIndex, TableTransactionAction? failedAction)
        : base(status, message, errorCode, innerException: null)
    {
        FailedActionIndex = failedActionIndex;
        FailedAction = failedAction;
    }

    /// <summary>The zero-based index of the refused action, or null when the service did not say.</summary>
    public int? FailedActionIndex { get; }

    /// <summary>The refused action, or null when the service did not say.</summary>
    public TableTransactionAction? FailedAction { get; }
}
