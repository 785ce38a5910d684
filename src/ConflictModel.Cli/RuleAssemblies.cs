using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Cli;

/// <summary>
/// Loads the rules of <c>validate --rules path/to/Rules.dll</c>: every public, non-abstract <see cref="DatasetRule"/>
/// with a public parameterless constructor in the assembly, each assembly in a load context of its own that shares
/// ConflictModel (and whatever the tool has loaded) with the tool, so that the rules derive from the tool's
/// <see cref="DatasetRule"/>, and resolves the assembly's other dependencies next to it. Any problem is a
/// <see cref="UsageException"/> naming the file (exit code 2).
/// </summary>
internal static class RuleAssemblies
{
    public static ImmutableArray<DatasetRule> Load(IEnumerable<string> paths, string workingDirectory)
    {
        var rules = ImmutableArray.CreateBuilder<DatasetRule>();
        foreach (string given in paths)
        {
            string path = Path.GetFullPath(given, workingDirectory);
            if (!File.Exists(path))
            {
                throw new UsageException(Directory.Exists(path)
                    ? $"--rules {given}: is a directory; give the rules assembly (.dll)"
                    : $"--rules {given}: no such file");
            }

            Assembly assembly;
            try
            {
                assembly = new RuleLoadContext(path).LoadFromAssemblyPath(path);
            }
            catch (BadImageFormatException)
            {
                throw new UsageException($"--rules {given}: not a .NET assembly");
            }
            catch (Exception ex) when (ex is FileLoadException or IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--rules {given}: cannot load: {ex.Message}", ex);
            }

            Type[] types;
            try
            {
                types = assembly.GetExportedTypes();
            }
            catch (Exception ex) when (ex is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
            {
                throw new UsageException($"--rules {given}: cannot read its types (a dependency is missing or of another version): {ex.Message}", ex);
            }

            int found = 0;
            foreach (Type type in types.Where(t => t.IsClass && !t.IsAbstract && typeof(DatasetRule).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (type.GetConstructor(Type.EmptyTypes) is not { } constructor)
                {
                    continue;
                }

                try
                {
                    rules.Add((DatasetRule)constructor.Invoke(null));
                }
                catch (TargetInvocationException ex)
                {
                    Exception inner = ex.InnerException ?? ex;
                    throw new UsageException($"--rules {given}: the constructor of rule {type.FullName} threw {inner.GetType().Name}: {inner.Message}", inner);
                }

                found++;
            }

            if (found == 0)
            {
                throw new UsageException($"--rules {given}: no public rule in it (a public, non-abstract class deriving from ConflictModel.Validation.DatasetRule, with a public parameterless constructor)");
            }
        }

        return rules.ToImmutable();
    }

    /// <summary>One rules assembly's load context: the tool's own assemblies come from the default context.</summary>
    private sealed class RuleLoadContext(string path) : AssemblyLoadContext($"rules:{Path.GetFileName(path)}")
    {
        private readonly AssemblyDependencyResolver _resolver = new(path);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Shared with the tool: ConflictModel above all (the rules' base type), NodaTime (in the contexts' API), and
            // anything else the tool has loaded or ships: one copy of each type, whatever the rules' folder holds.
            if (Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(assemblyName, a.GetName()))
                || File.Exists(Path.Combine(AppContext.BaseDirectory, assemblyName.Name + ".dll")))
            {
                return null;
            }

            return _resolver.ResolveAssemblyToPath(assemblyName) is { } resolved ? LoadFromAssemblyPath(resolved) : null;
        }
    }
}
