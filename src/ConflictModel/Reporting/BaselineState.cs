using ConflictModel.Diagnostics;

namespace ConflictModel.Reporting;

/// <summary>How a finding compares with a baseline (SARIF's <c>baselineState</c>). There is no value 0.</summary>
public enum BaselineState
{
    /// <summary>Not in the baseline: it fails the run as usual.</summary>
    New = 1,

    /// <summary>In the baseline: reported as known, not counted against the run.</summary>
    Unchanged = 2,

    /// <summary>In the baseline but no longer found: fixed, or changed so that it no longer matches.</summary>
    Absent = 3,
}
