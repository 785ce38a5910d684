using System;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Validation.Rules;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// Every built-in rule and every descriptor the library can report (the reader's, validation's own and the rules'),
/// for documentation, configuration checks and SARIF rule lists. The rules ledger in docs/rules/README.md lists the
/// same descriptors, and a test keeps the two in step.
/// </summary>
public static class RuleCatalog
{
    /// <summary>The version this catalog belongs to.</summary>
    public const string Version = "1.0.0";

    private static readonly Lazy<Catalog> Instance = new(Build);

    /// <summary>Gets every built-in rule, in id order of their first descriptor.</summary>
    public static ImmutableArray<DatasetRule> Rules => Instance.Value.Rules;

    /// <summary>Gets every descriptor, sorted by id.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors => Instance.Value.Descriptors;

    /// <summary>Gets the categories, in id order.</summary>
    public static ImmutableArray<string> Categories { get; } =
    [
        DiagnosticCategories.Format, DiagnosticCategories.Configuration, DiagnosticCategories.References, DiagnosticCategories.Casualties,
        DiagnosticCategories.Dates, DiagnosticCategories.Diplomacy, DiagnosticCategories.Provenance,
    ];

    /// <summary>Finds a descriptor by id.</summary>
    /// <param name="id">The id, such as <c>CM2001</c>.</param>
    /// <returns>The descriptor, or null when no descriptor has that id.</returns>
    public static DiagnosticDescriptor? Find(string id)
        => id is not null && Instance.Value.ById.TryGetValue(id, out DiagnosticDescriptor? descriptor) ? descriptor : null;

    /// <summary>Gets the version that introduced a descriptor, as the rules ledger records it.</summary>
    /// <param name="id">The descriptor's id.</param>
    /// <returns>The version, or null for an unknown id.</returns>
    public static string? IntroducedIn(string id) => Find(id) is null ? null : Version;

    private static Catalog Build()
    {
        ImmutableArray<DatasetRule> rules =
        [
            new DanglingReferenceRule(),
            new DuplicateIdRule(),
            new SelfReferenceRule(),
            new ReferenceCycleRule(),
            new PersonAsOrganisationRule(),
            new DuplicateInListRule(),
            new UnknownCountryCodeRule(),
            new DuplicateActorRule(),
            new ConfusableRule(),
            new AliasRepeatsNameRule(),
            new UnreferencedRecordRule(),
            new DuplicateExternalIdRule(),
            new FigureBoundsRule(),
            new ComponentRule(),
            new ContradictoryEstimatesRule(),
            new FigurePlausibilityRule(),
            new EstimateScopeRule(),
            new DateOrderRule(),
            new FutureDateRule(),
            new IntervalPrecisionRule(),
            new SequenceInTimeRule(),
            new ReportedDateRule(),
            new ThirdPartyRoleRule(),
            new PartiesRule(),
            new StatusHistoryRule(),
            new AgreementLinkRule(),
            new MissingSourceRule(),
            new AttributionRule(),
            new ClaimRule(),
            new CeasefireTermsRule(),
            new GroupMemberRule(),
            new MediationOutcomeRule(),
        ];
        ImmutableArray<DiagnosticDescriptor> descriptors =
        [
            .. ReaderDiagnostics.All,
            .. ValidationDiagnostics.All,
            .. rules.SelectMany(r => r.SupportedDiagnostics),
        ];
        descriptors = [.. descriptors.OrderBy(d => d.Id, StringComparer.Ordinal)];
        return new Catalog(
            [.. rules.OrderBy(r => r.SupportedDiagnostics.Min(d => d.Id), StringComparer.Ordinal)],
            descriptors,
            descriptors.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal));
    }

    private sealed record Catalog(ImmutableArray<DatasetRule> Rules, ImmutableArray<DiagnosticDescriptor> Descriptors, FrozenDictionary<string, DiagnosticDescriptor> ById);
}
