namespace ConflictModel.Model;

/// <summary>A kind of provision in an <see cref="Agreement"/>, following the UCDP Peace Agreement Dataset's provision columns.</summary>
public enum ProvisionKind
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>A ceasefire (PAD <c>cease</c>).</summary>
    Ceasefire,

    /// <summary>Integration of rebels into the army (PAD <c>intarmy</c>).</summary>
    MilitaryIntegration,

    /// <summary>Disarmament, demobilisation and reintegration (PAD <c>ddr</c>).</summary>
    Disarmament,

    /// <summary>Withdrawal of foreign forces (PAD <c>withd</c>).</summary>
    Withdrawal,

    /// <summary>Power sharing in government (PAD <c>shagov</c>, <c>intgov</c>, <c>intciv</c>).</summary>
    PoliticalPowerSharing,

    /// <summary>Elections (PAD <c>elections</c>).</summary>
    Elections,

    /// <summary>An interim government or transitional arrangement (PAD <c>interim</c>).</summary>
    InterimGovernment,

    /// <summary>National talks or dialogue (PAD <c>natalks</c>).</summary>
    NationalTalks,

    /// <summary>Regional autonomy (PAD <c>aut</c>).</summary>
    Autonomy,

    /// <summary>A federal arrangement (PAD <c>fed</c>).</summary>
    Federalism,

    /// <summary>Independence or secession (PAD <c>ind</c>).</summary>
    Independence,

    /// <summary>A referendum (PAD <c>ref</c>).</summary>
    Referendum,

    /// <summary>Local power sharing or decentralisation (PAD <c>shaloc</c>, <c>regdev</c>, <c>locgov</c>).</summary>
    LocalPowerSharing,

    /// <summary>Cultural freedoms (PAD <c>cul</c>).</summary>
    CulturalFreedoms,

    /// <summary>Border demarcation (PAD <c>demarcation</c>).</summary>
    Demarcation,

    /// <summary>Amnesty (PAD <c>amn</c>).</summary>
    Amnesty,

    /// <summary>Release of prisoners (PAD <c>pris</c>).</summary>
    PrisonerRelease,

    /// <summary>Reconciliation measures (PAD <c>recon</c>).</summary>
    Reconciliation,

    /// <summary>Return of refugees and displaced people (PAD <c>return</c>).</summary>
    RefugeeReturn,

    /// <summary>Transitional justice (PAD <c>justice_prov</c>).</summary>
    Justice,

    /// <summary>A peacekeeping operation (PAD <c>pko</c>).</summary>
    Peacekeeping,

    /// <summary>Another provision, described in its text.</summary>
    Other,
}
