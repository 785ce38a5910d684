using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>The outcome of a process run.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs a program to completion with a time limit, capturing its output.</summary>
internal static class ProcessRunner
{
    // The limits are for hangs, not speed: each is many times what the process takes on a loaded machine (2 cores at a
    // load average above 20). Reaching one kills the process and fails the test with what it printed. Under such load
    // the old limits (3 minutes for the benchmarks' quick mode, 10 for the native-AOT publish) were reached.

    /// <summary>How long a process may run unless a test says otherwise (a run of the tool takes seconds).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How long a build, pack, publish, package restore or npm install may run.</summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(30);

    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, string? standardInput = null, TimeSpan? timeout = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using RunningProcess process = RunningProcess.Start(fileName, arguments, workingDirectory ?? Repository.Root, environment, standardInput: standardInput);
        return process.WaitForExit(timeout ?? DefaultTimeout);
    }

    /// <summary>Runs the conflictmodel tool as a process.</summary>
    public static ProcessResult Tool(string workingDirectory, params string[] arguments)
        => Run("dotnet", [Repository.ToolDll, .. arguments], workingDirectory);
}

/// <summary>
/// A started process whose standard output and error are read as they come, so that a test can wait for a line
/// (a readiness signal) instead of sleeping, send it a signal, and wait for its end; every wait has a time limit,
/// and running out of it kills the process and throws with everything it printed, instead of hanging the suite.
/// </summary>
internal sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _command;
    private readonly object _gate = new();
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Task _readOutput;
    private readonly Task _readError;
    private bool _errorClosed;

    private RunningProcess(Process process, string command, bool closeStandardOutput)
    {
        _process = process;
        _command = command;
        if (closeStandardOutput)
        {
            process.StandardOutput.Close();
            _readOutput = Task.CompletedTask;
        }
        else
        {
            _readOutput = Task.Run(() => Pump(process.StandardOutput, _output, error: false));
        }

        _readError = Task.Run(() => Pump(process.StandardError, _error, error: true));
    }

    /// <summary>Gets the process id, to send it a signal.</summary>
    public int Id => _process.Id;

    /// <summary>
    /// Starts <paramref name="fileName"/>. Standard input gets <paramref name="standardInput"/> and is then closed;
    /// <paramref name="closeStandardOutput"/> closes the reading end of standard output at once (<c>| head -c 0</c>).
    /// </summary>
    public static RunningProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null, string? standardInput = null, bool closeStandardOutput = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        string command = $"{fileName} {string.Join(' ', start.ArgumentList)}";
        Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var running = new RunningProcess(process, command, closeStandardOutput);
        try
        {
            if (standardInput is not null)
            {
                process.StandardInput.Write(standardInput);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process has already ended (or closed its input); its exit code and output say why.
        }

        return running;
    }

    /// <summary>Sends a signal by name (<c>INT</c>, <c>TERM</c>) to the process, at once, from this thread.</summary>
    public void Signal(string name)
    {
        int number = name switch
        {
            "INT" => 2,
            "TERM" => 15,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "INT or TERM"),
        };
        if (Kill(_process.Id, number) != 0)
        {
            throw new InvalidOperationException($"kill -{name} {_process.Id} failed (errno {Marshal.GetLastPInvokeError()}):\n{Snapshot()}");
        }
    }

    /// <summary>Waits until standard error holds <paramref name="line"/> as a whole line.</summary>
    public void WaitForErrorLine(string line, TimeSpan timeout) => WaitForErrorLine(l => l == line, $"the line '{line}'", timeout);

    /// <summary>Waits until a whole line of standard error <paramref name="matches"/>, and returns that line.</summary>
    public string WaitForErrorLine(Func<string, bool> matches, string what, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        bool closed;
        lock (_gate)
        {
            while (true)
            {
                string[] lines = _error.ToString().Split('\n');
                string? found = lines.SkipLast(1).FirstOrDefault(matches); // the last piece is not a whole line yet
                if (found is not null)
                {
                    return found;
                }

                TimeSpan left = timeout - clock.Elapsed;
                if (_errorClosed || left <= TimeSpan.Zero)
                {
                    closed = _errorClosed;
                    break;
                }

                Monitor.Wait(_gate, left);
            }
        }

        string how = closed ? "standard error was closed first" : $"it did not come in {timeout.TotalSeconds:F0} s; the process was killed";
        throw new TimeoutException($"Waited for {what} on standard error of {_command}: {how}.\n{KillAndCollect()}");
    }

    /// <summary>Waits for the process to end and returns its exit code and output; kills it and throws if it takes longer than <paramref name="timeout"/>.</summary>
    public ProcessResult WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            throw new TimeoutException($"{_command} did not finish in {timeout.TotalSeconds:F0} s; it was killed.\n{KillAndCollect()}");
        }

        // The streams end when the process and anything it started have closed them; a child left behind holding them
        // open must not hang the test either.
        if (!Task.WaitAll([_readOutput, _readError], timeout))
        {
            throw new TimeoutException($"{_command} ended (exit {_process.ExitCode}) but its output stayed open for {timeout.TotalSeconds:F0} s.\n{KillAndCollect()}");
        }

        return Snapshot();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);

    private ProcessResult KillAndCollect()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.WaitForExit(TimeSpan.FromSeconds(30));
        Task.WaitAll([_readOutput, _readError], TimeSpan.FromSeconds(10));
        return Snapshot();
    }

    private ProcessResult Snapshot()
    {
        lock (_gate)
        {
            return new ProcessResult(_process.HasExited ? _process.ExitCode : -1, _output.ToString(), _error.ToString());
        }
    }

    private void Pump(StreamReader reader, StringBuilder into, bool error)
    {
        char[] buffer = new char[8192];
        try
        {
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (_gate)
                {
                    into.Append(buffer, 0, read);
                    Monitor.PulseAll(_gate);
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _errorClosed |= error;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
