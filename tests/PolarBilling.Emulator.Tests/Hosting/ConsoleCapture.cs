using System.Text;
using Xunit;

namespace PolarBilling.Emulator.Tests.Hosting;

/// <summary>
/// Stands in for the console the standalone emulator writes to. The emulator writes from its own task while the test
/// reads, so every access is locked; <see cref="WaitForAsync"/> lets a test wait for the banner to finish.
/// </summary>
internal sealed class ConsoleCapture : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>The complete lines written so far.</summary>
    public IReadOnlyList<string> Lines => Text.Split('\n').SkipLast(1).Select(l => l.TrimEnd('\r')).ToList();

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    /// <summary>Waits until some written line contains <paramref name="fragment"/>, or fails after <paramref name="seconds"/>.</summary>
    public async Task<string> WaitForAsync(string fragment, Task<int> running, int seconds = 30)
    {
        var deadline = Environment.TickCount64 + (seconds * 1000L);
        while (Environment.TickCount64 < deadline)
        {
            if (Lines.FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            if (running.IsCompleted)
            {
                throw new InvalidOperationException($"The emulator exited with {await running} before printing '{fragment}'. Output:\n{Text}");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No line with '{fragment}' within {seconds} s. Output:\n{Text}");
    }
}
