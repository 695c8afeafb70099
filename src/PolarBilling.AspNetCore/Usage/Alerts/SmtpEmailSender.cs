using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using PolarBilling.Notifications;

namespace PolarBilling.AspNetCore.Usage.Alerts;

/// <summary>
/// Sends email through an SMTP server with MailKit (<c>Polar:Smtp</c>), one connection per message (alerts are rare).
/// Throws when the server does not accept the message, so the notification outbox tries again later.
/// </summary>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpOptions _options;

    /// <summary>Creates the sender.</summary>
    /// <param name="options">The SMTP settings.</param>
    public SmtpEmailSender(IOptions<SmtpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException"><c>Polar:Smtp:Host</c> is not set.</exception>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(_options.Host))
        {
            throw new InvalidOperationException("Polar:Smtp:Host is not set: set the SMTP server to send email, or register your own IEmailSender.");
        }

        using var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(message.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        await client.ConnectAsync(_options.Host, _options.EffectivePort, SecurityOf(_options.Security), cancellationToken);
        if (!string.IsNullOrWhiteSpace(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions SecurityOf(string security) => security.ToLowerInvariant() switch
    {
        "ssl" => SecureSocketOptions.SslOnConnect,
        "starttls" => SecureSocketOptions.StartTls,
        "none" => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };
}
