namespace PolarBilling.Notifications;

/// <summary>Sends an email (usage alerts). PolarBilling ships an SMTP implementation (MailKit); register your own to use another service.</summary>
public interface IEmailSender
{
    /// <summary>Sends one message; throws when it was not accepted, so the outbox tries again later.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the server accepted the message.</returns>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>One email.</summary>
/// <param name="From">Sender address.</param>
/// <param name="To">Recipient address.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="TextBody">Plain-text body.</param>
/// <param name="HtmlBody">Optional HTML body.</param>
public sealed record EmailMessage(string From, string To, string Subject, string TextBody, string? HtmlBody = null);
