using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ConflictModel.Model;

namespace ConflictModel.Tests.Examples;

/// <summary>A reference from one record to another: where it is, and the kind and id of the record it names.</summary>
/// <param name="Path">Where the reference is ("Claim 'claim-58-soldiers'.Subject").</param>
/// <param name="Kind">The kind of record referred to.</param>
/// <param name="Id">The id referred to.</param>
internal sealed record RecordReference(string Path, RecordKind Kind, string Id);

/// <summary>
/// Walks every value reachable from a dataset's records by reflection, so that a member added to the model is covered
/// without changing this class: every id that is not the record's own is a reference, and a claim's subject refers to
/// its target.
/// </summary>
internal static class ModelGraph
{
    /// <summary>Gets every reference each record of a dataset makes, at any depth.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The references, record by record.</returns>
    public static IReadOnlyList<RecordReference> References(Dataset dataset)
    {
        var references = new List<RecordReference>();
        foreach ((string path, object value) in Values(dataset))
        {
            switch (value)
            {
                case ClaimSubject { Target: { } target, TargetKind: { } kind }:
                    references.Add(new RecordReference(path, kind, target));
                    break;
                case var id when IdKind(id.GetType()) is { } kind:
                    references.Add(new RecordReference(path, kind, (string)id.GetType().GetProperty("Value")!.GetValue(id)!));
                    break;
            }
        }

        return references;
    }

    /// <summary>Gets the references that name no record of the dataset.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The dangling references.</returns>
    public static IReadOnlyList<RecordReference> Unresolved(Dataset dataset)
    {
        HashSet<(RecordKind, string)> existing = [.. dataset.Records.Select(r => (r.RecordKind, r.RecordId))];
        return [.. References(dataset).Where(r => !existing.Contains((r.Kind, r.Id)))];
    }

    /// <summary>Gets every value reachable from the records (not their own ids), with its path; a claim's subject is not walked into.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The values with their paths.</returns>
    public static IEnumerable<(string Path, object Value)> Values(Dataset dataset)
    {
        foreach (ConflictRecord record in dataset.Records)
        {
            string path = $"{record.RecordKind} '{record.RecordId}'";
            foreach (PropertyInfo property in Members(record.GetType()).Where(p => p.Name != "Id"))
            {
                foreach ((string, object) found in Walk(property.GetValue(record), $"{path}.{property.Name}"))
                {
                    yield return found;
                }
            }
        }
    }

    private static IEnumerable<(string Path, object Value)> Walk(object? value, string path)
    {
        if (value is null or string or ExtensionData)
        {
            yield break;
        }

        yield return (path, value);
        if (value is ClaimSubject)
        {
            yield break; // its typed accessors repeat its target
        }

        if (value is IEnumerable items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                foreach ((string, object) found in Walk(item, $"{path}[{index++}]"))
                {
                    yield return found;
                }
            }

            yield break;
        }

        Type type = value.GetType();
        if (type.IsClass && type.Namespace == typeof(Dataset).Namespace)
        {
            foreach (PropertyInfo property in Members(type))
            {
                foreach ((string, object) found in Walk(property.GetValue(value), $"{path}.{property.Name}"))
                {
                    yield return found;
                }
            }
        }
    }

    private static IEnumerable<PropertyInfo> Members(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name is not ("RecordId" or "RecordKind" or "Extensions"));

    private static RecordKind? IdKind(Type type)
        => type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRecordId<>))
            ? (RecordKind)type.GetProperty("Kind", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!
            : null;
}
