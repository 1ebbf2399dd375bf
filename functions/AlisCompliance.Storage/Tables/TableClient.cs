using System.Globalization;
using System.Text;
using System.Text.Json;
using AlisCompliance.Storage.Authentication;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage.Tables;

/// <summary>
/// Reads and writes the entities of one Azure Storage table over the REST API: create the table, insert, upsert,
/// conditional update and delete (ETag), point reads, paged queries and entity-group transactions.
/// A 412 (the ETag no longer matches) surfaces as a <see cref="RequestFailedException"/> whose
/// <see cref="RequestFailedExceptionExtensions.IsConflict"/> is true. Thread-safe; keep one per table.
/// </summary>
public sealed class TableClient
{
    /// <summary>The most operations one entity-group transaction may hold.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>The largest entity-group transaction body, 4 MiB.</summary>
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    private readonly StoragePipeline pipeline;

    /// <summary>Creates a client from a connection string (Shared Key).</summary>
    /// <param name="connectionString">E.g. <c>UseDevelopmentStorage=true</c>.</param>
    /// <param name="tableName">The table: 3-63 letters and digits, starting with a letter.</param>
    /// <param name="options">Retry, transport and diagnostics options.</param>
    public TableClient(string connectionString, string tableName, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), tableName, options)
    {
    }

    /// <summary>Creates a client from a parsed connection string (Shared Key).</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="tableName">The table name.</param>
    /// <param name="options">Retry, transport and diagnostics options.</param>
    public TableClient(StorageConnectionString connectionString, string tableName, StorageClientOptions? options = null)
        : this(
            CheckNotNull(connectionString).TableEndpoint,
            tableName,
            new TableSharedKeyPolicy(connectionString.CreateSharedKeyCredential()),
            options)
    {
    }

    /// <summary>Creates a client that signs with the account's Shared Key.</summary>
    /// <param name="tableEndpoint">The account's table endpoint, e.g. <c>https://acct.table.core.windows.net</c>.</param>
    /// <param name="tableName">The table name.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Retry, transport and diagnostics options.</param>
    public TableClient(Uri tableEndpoint, string tableName, AzureNamedKeyCredential credential, StorageClientOptions? options = null)
        : this(tableEndpoint, tableName, new TableSharedKeyPolicy(credential), options)
    {
    }

    /// <summary>Creates a client that authenticates with Entra ID (managed identity in Azure); https only.</summary>
    /// <param name="tableEndpoint">The account's table endpoint.</param>
    /// <param name="tableName">The table name.</param>
    /// <param name="credential">The token credential.</param>
    /// <param name="options">Retry, transport and diagnostics options.</param>
    public TableClient(Uri tableEndpoint, string tableName, TokenCredential credential, StorageClientOptions? options = null)
        : this(tableEndpoint, tableName, StorageAuthentication.CreateBearerTokenPolicy(credential), options)
    {
    }

    internal TableClient(StoragePipeline pipeline, Uri tableEndpoint, string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        TableNameValidator.Validate(tableName);
        this.pipeline = pipeline;
        Endpoint = tableEndpoint;
        Name = tableName;
    }

    private TableClient(Uri tableEndpoint, string tableName, HttpPipelinePolicy authentication, StorageClientOptions? options)
        : this(StoragePipeline.Create(options, authentication, "Table"), tableEndpoint, tableName)
    {
    }

    /// <summary>The account's table endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>Creates the table unless it exists.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when this call created it; false when it was already there.</returns>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Post, TableUris.Tables(Endpoint));
        TableHeaders.Apply(message.Request);
        message.Request.Headers.SetValue(HttpHeader.Names.Prefer, "return-no-content");
        SetJsonContent(message.Request, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal) { ["TableName"] = Name })));

        var operation = $"Create table '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        return response.Status switch
        {
            201 or 204 => true,
            409 when HasErrorCode(response, StorageErrorCodes.TableAlreadyExists) => false,
            _ => throw StoragePipeline.CreateFailure(message, operation),
        };
    }

    /// <summary>Deletes the table and everything in it.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when this call deleted it; false when it did not exist.</returns>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Delete, TableUris.Table(Endpoint, Name));
        TableHeaders.Apply(message.Request);
        var operation = $"Delete table '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StoragePipeline.CreateFailure(message, operation),
        };
    }

    /// <summary>Inserts a new entity; a 409 <c>EntityAlreadyExists</c> when one with the same keys exists.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new entity's ETag.</returns>
    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableEntityLimits.ValidateForWrite(entity);
        using var message = pipeline.CreateMessage(RequestMethod.Post, TableUris.EntitySet(Endpoint, Name));
        TableHeaders.Apply(message.Request);
        message.Request.Headers.SetValue(HttpHeader.Names.Prefer, "return-no-content");
        SetJsonContent(message.Request, TableEntityJson.Serialize(entity));
        return await SendForETagAsync(message, $"Insert entity into table '{Name}'", cancellationToken);
    }

    /// <summary>Inserts the entity, or replaces/merges the existing one, whatever its ETag.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="mode">Replace (the default) or merge.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entity's new ETag.</returns>
    public async Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableEntityLimits.ValidateForWrite(entity);
        using var message = CreateWriteMessage(entity, mode, ifMatch: null);
        return await SendForETagAsync(message, $"Upsert ({mode}) entity in table '{Name}'", cancellationToken);
    }

    /// <summary>
    /// Replaces/merges an existing entity if its stored ETag is <paramref name="ifMatch"/>. Another writer's change in
    /// between gives a 412 (<see cref="RequestFailedExceptionExtensions.IsConflict"/>); a missing entity a 404.
    /// </summary>
    /// <param name="entity">The entity.</param>
    /// <param name="ifMatch">The ETag read with the entity, or <see cref="ETag.All"/> for any.</param>
    /// <param name="mode">Replace (the default) or merge.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entity's new ETag.</returns>
    public async Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the ETag the entity was read with, or ETag.All to overwrite any version.", nameof(ifMatch));
        }

        TableEntityLimits.ValidateForWrite(entity);
        using var message = CreateWriteMessage(entity, mode, ifMatch);
        return await SendForETagAsync(message, $"Update ({mode}) entity in table '{Name}'", cancellationToken);
    }

    /// <summary>Deletes an entity if its stored ETag matches (any version when <paramref name="ifMatch"/> is empty or <c>*</c>).</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="ifMatch">The expected ETag; empty for any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when deleted; false when there was no such entity. A changed ETag throws (412).</returns>
    public async Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableKeyValidator.ValidateKeys(partitionKey, rowKey);
        using var message = pipeline.CreateMessage(RequestMethod.Delete, TableUris.Entity(Endpoint, Name, partitionKey, rowKey));
        TableHeaders.Apply(message.Request);
        message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, TableHeaders.IfMatchValue(ifMatch));
        var operation = $"Delete entity from table '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        return response.Status switch
        {
            204 => true,
            404 when !HasErrorCode(response, StorageErrorCodes.TableNotFound) => false,
            _ => throw StoragePipeline.CreateFailure(message, operation),
        };
    }

    /// <summary>Reads one entity by its keys.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="select">The properties to return, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entity with its ETag, or null when there is none (a missing table still throws 404).</returns>
    public async Task<TableEntity?> GetEntityIfExistsAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        TableKeyValidator.ValidateKeys(partitionKey, rowKey);
        using var message = pipeline.CreateMessage(RequestMethod.Get, TableUris.Entity(Endpoint, Name, partitionKey, rowKey));
        TableHeaders.Apply(message.Request);
        if (select is not null)
        {
            message.Request.Uri.AppendQuery("$select", SelectClause(select));
        }

        var operation = $"Read entity from table '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        switch (response.Status)
        {
            case 200:
                using (var json = JsonDocument.Parse(response.Content.ToMemory()))
                {
                    var entity = TableEntityJson.Deserialize(json.RootElement);
                    return response.Headers.ETag is { } etag ? entity.WithETag(etag) : entity;
                }

            case 404 when HasErrorCode(response, StorageErrorCodes.ResourceNotFound):
                return null;
            default:
                throw StoragePipeline.CreateFailure(message, operation);
        }
    }

    /// <summary>
    /// Queries the table, following every continuation page (the service returns at most 1,000 entities per page,
    /// and a page may be empty). Enumerate with <c>await foreach</c>, or use <c>AsPages()</c>.
    /// </summary>
    /// <param name="query">Filter, select and limits; null for every entity.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The entities, lazily, page by page.</returns>
    public AsyncPageable<TableEntity> QueryAsync(TableQuery? query = null, CancellationToken cancellationToken = default) =>
        new TableQueryPageable(this, query ?? TableQuery.All, cancellationToken);

    /// <summary>
    /// Commits up to 100 operations on one partition atomically (an entity-group transaction): all are applied or none.
    /// Checked before sending: 1-100 actions, one PartitionKey, each RowKey once, valid keys and sizes, 4 MiB at most.
    /// A refused operation throws <see cref="TableTransactionFailedException"/> naming its index; nothing is written.
    /// </summary>
    /// <param name="actions">The operations, in order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result per action, in order.</returns>
    public async Task<IReadOnlyList<TableTransactionResult>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        ValidateTransaction(list);

        var batchBoundary = "batch_" + Guid.NewGuid().ToString("D");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("D");
        var body = TableBatchBody.Build(batchBoundary, changesetBoundary, Endpoint, Name, list);
        if (body.Length > MaxTransactionBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The transaction's body is {body.Length} bytes; an entity-group transaction may be at most 4 MiB ({MaxTransactionBytes} bytes)."),
                nameof(actions));
        }

        using var message = pipeline.CreateMessage(RequestMethod.Post, TableUris.Batch(Endpoint));
        message.Request.Headers.SetValue(HttpHeader.Names.Accept, TableHeaders.AcceptMinimalMetadata);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "multipart/mixed; boundary=" + batchBoundary);
        message.Request.Content = RequestContent.Create(body);

        var operation = string.Create(CultureInfo.InvariantCulture, $"Transaction of {list.Count} operation(s) on table '{Name}'");
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        if (response.Status != 202)
        {
            throw StoragePipeline.CreateFailure(message, operation);
        }

        response.Headers.TryGetValue(HttpHeader.Names.ContentType, out var contentType);
        var answers = MultipartMixedReader.Read(contentType ?? string.Empty, response.Content.ToString());
        var failed = answers.FirstOrDefault(answer => answer.Status >= 400);
        if (failed is not null)
        {
            throw TransactionFailure(operation, failed, list);
        }

        if (answers.Count != list.Count)
        {
            throw new RequestFailedException(
                response.Status,
                string.Create(CultureInfo.InvariantCulture, $"{operation}: the service answered {answers.Count} operation result(s) for {list.Count} operation(s)."));
        }

        return [.. list.Select((action, index) => new TableTransactionResult(
            action,
            answers[index].Status,
            answers[index].Headers.TryGetValue("ETag", out var etag) ? new ETag(etag) : default))];
    }

    internal async Task<TableQueryPage> QueryPageAsync(TableQuery query, TableContinuation? continuation, int? top, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Get, TableUris.Query(Endpoint, Name));
        TableHeaders.Apply(message.Request);
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(query.Filter))
        {
            uri.AppendQuery("$filter", query.Filter);
        }

        if (query.Select is not null)
        {
            uri.AppendQuery("$select", SelectClause(query.Select));
        }

        if (top is not null)
        {
            uri.AppendQuery("$top", top.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (continuation is not null)
        {
            uri.AppendQuery("NextPartitionKey", continuation.NextPartitionKey);
            if (continuation.NextRowKey is not null)
            {
                uri.AppendQuery("NextRowKey", continuation.NextRowKey);
            }
        }

        var operation = $"Query table '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        if (response.Status != 200)
        {
            throw StoragePipeline.CreateFailure(message, operation);
        }

        List<TableEntity> entities;
        using (var json = JsonDocument.Parse(response.Content.ToMemory()))
        {
            entities = [.. json.RootElement.GetProperty("value").EnumerateArray().Select(TableEntityJson.Deserialize)];
        }

        TableContinuation? next = null;
        if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartitionKey) && !string.IsNullOrEmpty(nextPartitionKey))
        {
            response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRowKey);
            next = new TableContinuation(nextPartitionKey, string.IsNullOrEmpty(nextRowKey) ? null : nextRowKey);
        }

        return new TableQueryPage(entities, next, response);
    }

    private static StorageConnectionString CheckNotNull(StorageConnectionString connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return connectionString;
    }

    private static void ValidateTransaction(List<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"An entity-group transaction holds 1 to {MaxTransactionActions} operations; this one has {actions.Count}."),
                nameof(actions));
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < actions.Count; index++)
        {
            var action = actions[index] ?? throw new ArgumentException($"Transaction action {index} is null.", nameof(actions));
            if (action.ActionType == TableTransactionActionType.Delete)
            {
                TableKeyValidator.ValidateKeys(action.Entity.PartitionKey, action.Entity.RowKey);
            }
            else
            {
                TableEntityLimits.ValidateForWrite(action.Entity);
            }

            if (!string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Transaction action {index} has a different PartitionKey from action 0; an entity-group transaction covers one partition."),
                    nameof(actions));
            }

            if (!rowKeys.Add(action.Entity.RowKey))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Transaction action {index} repeats a RowKey of an earlier action; each entity may appear once per transaction."),
                    nameof(actions));
            }

            if (action.ActionType is TableTransactionActionType.UpdateReplace or TableTransactionActionType.UpdateMerge && action.IfMatch == default)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Transaction action {index} is an update without an ETag; pass the ETag read with the entity, or ETag.All."),
                    nameof(actions));
            }
        }
    }

    private static TableTransactionFailedException TransactionFailure(string operation, BatchOperationResponse failed, List<TableTransactionAction> actions)
    {
        string? code = null;
        var serviceMessage = string.Empty;
        try
        {
            using var json = JsonDocument.Parse(failed.Body);
            if (json.RootElement.TryGetProperty("odata.error", out var error))
            {
                code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                serviceMessage = error.TryGetProperty("message", out var m) && m.TryGetProperty("value", out var v) ? v.GetString() ?? string.Empty : string.Empty;
            }
        }
        catch (JsonException)
        {
            serviceMessage = failed.Body;
        }

        // The service starts the message with the failing operation's zero-based index: "1:The specified entity already exists."
        int? index = null;
        var colon = serviceMessage.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && int.TryParse(serviceMessage.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed < actions.Count)
        {
            index = parsed;
            serviceMessage = serviceMessage[(colon + 1)..];
        }

        var firstLine = serviceMessage.Split('\n')[0].Trim();
        var which = index is null ? "an operation" : string.Create(CultureInfo.InvariantCulture, $"operation {index} ({actions[index.Value].ActionType})");
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{operation} was rolled back, nothing was written: {which} failed with {failed.Status} {code}: {firstLine}");
        return new TableTransactionFailedException(failed.Status, code, text, index, index is null ? null : actions[index.Value]);
    }

    private static string SelectClause(IEnumerable<string> select)
    {
        var names = new List<string>();
        foreach (var name in select)
        {
            if (!string.Equals(name, "PartitionKey", StringComparison.Ordinal)
                && !string.Equals(name, "RowKey", StringComparison.Ordinal)
                && !string.Equals(name, "Timestamp", StringComparison.Ordinal))
            {
                TableEntity.ValidatePropertyName(name);
            }

            names.Add(name);
        }

        foreach (var key in new[] { "PartitionKey", "RowKey" })
        {
            if (!names.Contains(key, StringComparer.Ordinal))
            {
                names.Add(key);
            }
        }

        return string.Join(',', names);
    }

    private static bool HasErrorCode(Response response, string errorCode) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) && string.Equals(code, errorCode, StringComparison.Ordinal);

    private static void SetJsonContent(Request request, byte[] json)
    {
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        request.Content = RequestContent.Create(json);
    }

    private HttpMessage CreateWriteMessage(TableEntity entity, TableUpdateMode mode, ETag? ifMatch)
    {
        var method = mode == TableUpdateMode.Merge ? RequestMethod.Parse("MERGE") : RequestMethod.Put;
        var message = pipeline.CreateMessage(method, TableUris.Entity(Endpoint, Name, entity.PartitionKey, entity.RowKey));
        TableHeaders.Apply(message.Request);
        if (ifMatch is { } etag)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, TableHeaders.IfMatchValue(etag));
        }

        SetJsonContent(message.Request, TableEntityJson.Serialize(entity));
        return message;
    }

    private async Task<ETag> SendForETagAsync(HttpMessage message, string operation, CancellationToken cancellationToken)
    {
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        if (response.Status is not (201 or 204))
        {
            throw StoragePipeline.CreateFailure(message, operation);
        }

        return response.Headers.ETag ?? default;
    }
}
