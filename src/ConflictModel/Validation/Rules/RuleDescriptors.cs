using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>Creates the descriptors of built-in rules with the help link every rule page has.</summary>
internal static class RuleDescriptors
{
    public static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description, bool enabledByDefault = true)
        => new(id, title, messageFormat, category, severity, enabledByDefault, description);
}
