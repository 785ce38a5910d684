using System;

namespace ConflictModel.Model;

/// <summary>EDTF level 1 qualification of a whole date: uncertain (<c>?</c>), approximate (<c>~</c>) or both (<c>%</c>).</summary>
[Flags]
public enum DateQualification
{
    /// <summary>Neither uncertain nor approximate.</summary>
    None = 0,

    /// <summary>The source is not sure of the date (<c>?</c>): "possibly in 2025".</summary>
    Uncertain = 1,

    /// <summary>The date is an approximation (<c>~</c>): "around October 2025".</summary>
    Approximate = 2,

    /// <summary>Both uncertain and approximate (<c>%</c>).</summary>
    UncertainAndApproximate = Uncertain | Approximate,
}
