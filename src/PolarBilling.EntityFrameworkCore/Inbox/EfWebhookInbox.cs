using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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

    public EfWebhookInbox(IDbContextFactory<TContext> factory, TimeProvider time, IOptions<WebhookInboxOptions> options, DispatchSignal? signal = null)
    {
        _factory = factory;
        _signal = signal;
        _time = time;
        _options = options.Value;
        using var probe = factory.CreateDbContext();
        var writers = probe.Database.IsSqlite() ? 1 : Math.Max(1, _options.ConcurrentWriters);
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
        await using var context = await _factory.CreateDbContextAsync().ConfigureAwait(false);
        var sqlite = context.Database.IsSqlite();
        var now = _time.GetUtcNow();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"INSERT INTO {BillingTables.WebhookEvents} (webhook_id, type, payload, status, attempts, received_at, next_attempt_at) VALUES ");
        for (var i = 0; i < batch.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Append(System.Globalization.CultureInfo.InvariantCulture, $"(@w{i}, @t{i}, @p{i}, 0, 0, @now, @now)");
            AddParameter(command, $"@w{i}", batch[i].WebhookId);
            AddParameter(command, $"@t{i}", batch[i].Type);
            AddParameter(command, $"@p{i}", batch[i].Payload);
        }

        AddParameter(command, "@now", sqlite ? now.UtcTicks : now);
        sql.Append(" ON CONFLICT (webhook_id) DO NOTHING RETURNING webhook_id");
#pragma warning disable CA2100 // Built only from constants and parameter names; every value is a parameter.
        command.CommandText = sql.ToString();
#pragma warning restore CA2100
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

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed record PendingAppend(string WebhookId, string Type, string Payload)
    {
        public TaskCompletionSource<InboxAppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
