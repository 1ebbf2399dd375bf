using System.Text;

namespace AlisCompliance.Storage.Tables;

/// <summary>
/// The multipart/mixed body of an entity-group transaction: one changeset holding one <c>application/http</c>
/// part per action, each a complete request with an absolute URL. CRLF line endings throughout.
/// </summary>
internal static class TableBatchBody
{
    public static byte[] Build(string batchBoundary, string changesetBoundary, Uri endpoint, string tableName, IReadOnlyList<TableTransactionAction> actions)
    {
        var body = new StringBuilder();
        body.Append("--").Append(batchBoundary).Append("\r\n");
        body.Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");

        foreach (var action in actions)
        {
            body.Append("--").Append(changesetBoundary).Append("\r\n");
            body.Append("Content-Type: application/http\r\n");
            body.Append("Content-Transfer-Encoding: binary\r\n\r\n");
            AppendOperation(body, endpoint, tableName, action);
        }

        body.Append("--").Append(changesetBoundary).Append("--\r\n");
        body.Append("--").Append(batchBoundary).Append("--\r\n");
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    private static void AppendOperation(StringBuilder body, Uri endpoint, string tableName, TableTransactionAction action)
    {
        var entity = action.Entity;
        var (method, uri) = action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", TableUris.EntitySet(endpoint, tableName)),
            TableTransactionActionType.UpsertReplace or TableTransactionActionType.UpdateReplace => ("PUT", TableUris.Entity(endpoint, tableName, entity.PartitionKey, entity.RowKey)),
            TableTransactionActionType.UpsertMerge or TableTransactionActionType.UpdateMerge => ("MERGE", TableUris.Entity(endpoint, tableName, entity.PartitionKey, entity.RowKey)),
            TableTransactionActionType.Delete => ("DELETE", TableUris.Entity(endpoint, tableName, entity.PartitionKey, entity.RowKey)),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action type."),
        };

        body.Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n");
        body.Append("Accept: ").Append(TableHeaders.AcceptMinimalMetadata).Append("\r\n");
        body.Append("DataServiceVersion: 3.0\r\n");

        if (action.ActionType is TableTransactionActionType.UpdateReplace or TableTransactionActionType.UpdateMerge or TableTransactionActionType.Delete)
        {
            body.Append("If-Match: ").Append(TableHeaders.IfMatchValue(action.IfMatch)).Append("\r\n");
        }

        if (action.ActionType == TableTransactionActionType.Delete)
        {
            body.Append("\r\n");
            return;
        }

        if (action.ActionType == TableTransactionActionType.Add)
        {
            body.Append("Prefer: return-no-content\r\n");
        }

        body.Append("Content-Type: application/json\r\n\r\n");
        body.Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity))).Append("\r\n");
    }
}
