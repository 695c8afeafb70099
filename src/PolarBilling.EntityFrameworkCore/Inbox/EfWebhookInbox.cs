using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;
using PolarBilling.Client.Webhooks;
using PolarBilling.Inbox;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>
/// The inbox with group commit: concurrent appends queue up and a writer stores everything queued in a single
/// multi-row <c>INSERT … ON CONFLICT (webhook_id) DO NOTHING RETURNING webhook_id</c> and one commit, then answers
/// each caller. Durable before it returns; a redelivered <c>webhook-id</c> is a no-op. On PostgreSQL several writers
/// (<see cref="WebhookInboxOptions.ConcurrentWriters"/>) overlap, so a batch is inserted while another waits for
/// its commit to be flushed; SQLite has one.
/// </summary>
internal sealed class EfWebhookInbox<TContext> : IWebhookInbox, IAsyncDisposable
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _factory;
    private readonly TimeProvider _time;
    private readonly WebhookInboxOptions _options;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>();
    private readonly Task _writers;
    private readonly DispatchSignal? _signal;
    private readonly bool _sqlite;
    private readonly string? _npgsqlConnectionString;

    public EfWebhookInbox(IDbContextFactory<TContext> factory, TimeProvider time, IOptions<WebhookInboxOptions> options, DispatchSignal? signal = null)
    {
        _factory = factory;
        _signal = signal;
        _time = time;
        _options = options.Value;
        using var probe = factory.CreateDbContext();
        _sqlite = probe.Database.IsSqlite();

        // On the hot path a plain pooled Npgsql connection: building a DbContext per batch costs more than the insert.
        // Only when the context was configured with a connection string (a data source or connection object may hold
        // credentials a string copy would not carry); otherwise each batch goes through a DbContext.
        _npgsqlConnectionString = probe.Database.IsNpgsql()
            ? RelationalOptionsExtension.Extract(probe.GetService<IDbContextOptions>()).ConnectionString
            : null;
        var writers = _sqlite ? 1 : Math.Max(1, _options.ConcurrentWriters);
        _writers = Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoopAsync)));
    }

    public Task<InboxAppendResult> AppendAsync(string webhookId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookId);
        if (webhookId.Length > 255)
        {
            throw new ArgumentException("The webhook-id is longer than 255 characters; Polar's are UUID-sized.", nameof(webhookId));
        }

        if (body.Length > _options.MaxBodyBytes)
        {
            return Task.FromResult(InboxAppendResult.TooLarge);
        }

        var type = WebhookEventParser.TryReadType(body.Span, out var t) ? t : "unknown";
        var pending = new PendingAppend(webhookId, type.Length > 100 ? type[..100] : type, Encoding.UTF8.GetString(body.Span));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writers.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>(_options.MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                var inserted = await InsertAsync(batch).ConfigureAwait(false);
                if (inserted.Count > 0)
                {
                    _signal?.Notify();
                }

                foreach (var item in batch)
                {
                    // Within one batch the first of two equal ids is the one stored.
                    item.Completion.TrySetResult(inserted.Remove(item.WebhookId) ? InboxAppendResult.Stored : InboxAppendResult.Duplicate);
                }
            }
#pragma warning disable CA1031 // Every waiting caller must hear about the failure; the loop must survive it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var item in batch)
                {
                    item.Completion.TrySetException(ex);
                }
            }
        }
    }

    private async Task<HashSet<string>> InsertAsync(List<PendingAppend> batch)
    {
        if (_npgsqlConnectionString is { } connectionString)
        {
            await using var npgsql = new NpgsqlConnection(connectionString);
            await npgsql.OpenAsync().ConfigureAwait(false);
            return await InsertAsync(npgsql, batch).ConfigureAwait(false);
        }

        await using var context = await _factory.CreateDbContextAsync().ConfigureAwait(false);
        await context.Database.OpenConnectionAsync().ConfigureAwait(false);
        return await InsertAsync(context.Database.GetDbConnection(), batch).ConfigureAwait(false);
    }

    private async Task<HashSet<string>> InsertAsync(System.Data.Common.DbConnection connection, List<PendingAppend> batch)
    {
        var now = _time.GetUtcNow();
        await using var command = connection.CreateCommand();
        if (_sqlite)
        {
            BuildValuesInsert(command, batch, now.UtcTicks);
        }
        else
        {
            BuildArrayInsert(command, batch, now);
        }

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                inserted.Add(reader.GetString(0));
            }
        }

        // Autocommit: the single statement is its own transaction, committed before the callers are answered.
        return inserted;
    }

    // SQLite: one multi-row VALUES list.
    private static void BuildValuesInsert(System.Data.Common.DbCommand command, List<PendingAppend> batch, long nowTicks)
    {
        var sql = new StringBuilder($"INSERT INTO {BillingTables.WebhookEvents} (webhook_id, type, payload, status, attempts, received_at, next_attempt_at) VALUES ");
        for (var i = 0; i < batch.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Append(System.Globalization.CultureInfo.InvariantCulture, $"(@w{i}, @t{i}, @p{i}, 0, 0, @now, @now)");
            command.AddParameter($"@w{i}", batch[i].WebhookId);
            command.AddParameter($"@t{i}", batch[i].Type);
            command.AddParameter($"@p{i}", batch[i].Payload);
        }

        command.AddParameter("@now", nowTicks);
        sql.Append(" ON CONFLICT (webhook_id) DO NOTHING RETURNING webhook_id");
#pragma warning disable CA2100 // Built only from constants and parameter names; every value is a parameter.
        command.CommandText = sql.ToString();
#pragma warning restore CA2100
    }

    // PostgreSQL: three array parameters unnested in arrival order. The statement text is the same for every batch
    // size, so the server parses and plans one short statement instead of one with three parameters per row.
    private static void BuildArrayInsert(System.Data.Common.DbCommand command, List<PendingAppend> batch, DateTimeOffset now)
    {
        command.CommandText = ArrayInsertSql;
        command.AddParameter("@w", batch.ConvertAll(b => b.WebhookId).ToArray());
        command.AddParameter("@t", batch.ConvertAll(b => b.Type).ToArray());
        command.AddParameter("@p", batch.ConvertAll(b => b.Payload).ToArray());
        command.AddParameter("@now", now);
    }

    private static readonly string ArrayInsertSql =
        $"INSERT INTO {BillingTables.WebhookEvents} (webhook_id, type, payload, status, attempts, received_at, next_attempt_at) " +
        "SELECT b.w, b.t, b.p, 0, 0, @now, @now FROM unnest(@w::text[], @t::text[], @p::text[]) WITH ORDINALITY AS b(w, t, p, n) ORDER BY b.n " +
        "ON CONFLICT (webhook_id) DO NOTHING RETURNING webhook_id";

    private sealed record PendingAppend(string WebhookId, string Type, string Payload)
    {
        public TaskCompletionSource<InboxAppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
