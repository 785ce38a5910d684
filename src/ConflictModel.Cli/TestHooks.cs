using System;
using System.Globalization;
using System.IO;
using System.Threading;

namespace ConflictModel.Cli;

/// <summary>
/// Readiness lines and pauses for the end-to-end tests, so that they wait for the tool instead of guessing how long it
/// takes on a busy machine. Off unless <c>CONFLICTMODEL_TEST_HOOKS=1</c> is set in the environment; nobody else sets it.
/// When on, the tool writes a line starting with <c>conflictmodel-test: </c> to standard error at each of these points:
/// <c>started</c> (first thing in <c>Main</c>, before the signal handlers), <c>signal handlers installed</c>, and
/// <c>writing NAME (N bytes)</c> once the first chunk of an <c>--output</c> file has reached its temporary file NAME.
/// <c>CONFLICTMODEL_TEST_PAUSE_BEFORE_HANDLERS_MS</c> and <c>CONFLICTMODEL_TEST_PAUSE_WRITE_MS</c> then hold the run
/// at the first and at the last point for that many milliseconds, so that a signal sent on seeing the line arrives
/// there, whatever the load.
/// </summary>
internal static class TestHooks
{
    /// <summary>The start of every readiness line.</summary>
    public const string Prefix = "conflictmodel-test: ";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable("CONFLICTMODEL_TEST_HOOKS") == "1";

    /// <summary>Called first in <c>Main</c>, before the signal handlers are installed.</summary>
    /// <summary>
    /// Gets how many bits of its hashes <c>stats</c> keeps: 32, or under test fewer
    /// (<c>CONFLICTMODEL_TEST_STATS_HASH_BITS</c>), to force the collisions that must change nothing.
    /// </summary>
    public static int StatsHashBits
        => Enabled && int.TryParse(Environment.GetEnvironmentVariable("CONFLICTMODEL_TEST_STATS_HASH_BITS"), NumberStyles.None, CultureInfo.InvariantCulture, out int bits) && bits < 32 ? bits : 32;

    public static void Started()
    {
        if (Enabled)
        {
            Say("started");
            Pause("CONFLICTMODEL_TEST_PAUSE_BEFORE_HANDLERS_MS");
        }
    }

    /// <summary>Called once SIGINT and SIGTERM are handled.</summary>
    public static void SignalHandlersInstalled()
    {
        if (Enabled)
        {
            Say("signal handlers installed");
        }
    }

    /// <summary>
    /// The stream an output file's content is written to: <paramref name="temporary"/> itself, or, with the hooks on, a
    /// view of it that says (and pauses) when its first chunk has been written.
    /// </summary>
    public static Stream ObserveWrite(FileStream temporary) => Enabled ? new FirstChunkStream(temporary) : temporary;

    private static void Say(string what)
    {
        try
        {
            Console.Error.WriteLine(Prefix + what);
        }
        catch (IOException)
        {
            // No standard error: nobody is waiting for the line.
        }
    }

    private static void Pause(string variable)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out int milliseconds) && milliseconds > 0)
        {
            Thread.Sleep(milliseconds);
        }
    }

    /// <summary>Passes writes on to the temporary file; after the first one, flushes it, says so, and pauses.</summary>
    private sealed class FirstChunkStream(FileStream inner) : Stream
    {
        private bool _said;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            if (!_said && buffer.Length > 0)
            {
                _said = true;
                inner.Flush();
                Say($"writing {Path.GetFileName(inner.Name)} ({inner.Length.ToString(CultureInfo.InvariantCulture)} bytes)");
                Pause("CONFLICTMODEL_TEST_PAUSE_WRITE_MS");
            }
        }

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
