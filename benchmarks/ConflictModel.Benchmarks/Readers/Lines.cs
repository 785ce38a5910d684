using System;

namespace ConflictModel.Benchmarks.Readers;

/// <summary>Line splitting over bytes in memory, shared by every per-line reader so they all pay the same for it.</summary>
public static class Lines
{
    /// <summary>Where the records begin: just after the header line.</summary>
    public static int BodyStart(ReadOnlySpan<byte> data)
    {
        int newline = data.IndexOf((byte)'\n');
        return newline < 0 ? data.Length : newline + 1;
    }

    /// <summary>
    /// Takes the next non-blank line from <paramref name="data"/> at <paramref name="position"/>, without its line
    /// end; false at the end.
    /// </summary>
    public static bool Next(ReadOnlySpan<byte> data, ref int position, out ReadOnlySpan<byte> line)
    {
        if (NextRange(data, ref position, out Range range))
        {
            line = data[range];
            return true;
        }

        line = default;
        return false;
    }

    /// <summary>As <see cref="Next"/>, giving the line as a range of <paramref name="data"/>.</summary>
    public static bool NextRange(ReadOnlySpan<byte> data, ref int position, out Range line)
    {
        while (position < data.Length)
        {
            int start = position;
            int newline = data[start..].IndexOf((byte)'\n');
            int end = newline < 0 ? data.Length : start + newline;
            position = newline < 0 ? end : end + 1;
            if (end > start && data[end - 1] == (byte)'\r')
            {
                end--;
            }

            if (end > start)
            {
                line = new Range(start, end);
                return true;
            }
        }

        line = default;
        return false;
    }

    /// <summary>Cuts <c>[start, end)</c> into <paramref name="parts"/> ranges of about equal size, each ending at a line end.</summary>
    public static (int Start, int End)[] Chunks(ReadOnlySpan<byte> data, int start, int parts)
    {
        var chunks = new (int, int)[parts];
        int from = start;
        for (int i = 0; i < parts; i++)
        {
            int to = i == parts - 1 ? data.Length : start + (int)((long)(data.Length - start) * (i + 1) / parts);
            if (to < data.Length && to > from)
            {
                int newline = data[to..].IndexOf((byte)'\n');
                to = newline < 0 ? data.Length : to + newline + 1;
            }

            to = Math.Max(to, from);
            chunks[i] = (from, to);
            from = to;
        }

        return chunks;
    }
}
