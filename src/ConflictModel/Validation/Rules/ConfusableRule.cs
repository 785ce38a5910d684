using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using ConflictModel.Diagnostics;
using ConflictModel.Model;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>
/// CM1013: an id, an actor's name or alias with an invisible or bidirectional control character. CM1014: two
/// different ids of one record kind, or two different actor names, that look alike (one UTS #39 skeleton).
/// </summary>
internal sealed class ConfusableRule : DatasetRule
{
    /// <summary>The most ASCII spellings tried for one id (see <see cref="State.AsciiLookAlikes"/>).</summary>
    internal const int MaxCandidates = 64;

    public static DiagnosticDescriptor Invisible { get; } = RuleDescriptors.Create(
        "CM1013", "Invisible character", "{0} '{1}' contains {2} at character {3}", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "Zero-width characters (U+200B to U+200D, U+2060, U+FEFF), bidirectional controls (U+200E, U+200F, U+061C, U+202A to U+202E, U+2066 to U+2069), the soft hyphen and the other default-ignorable code points take no room on the screen, so an id or name holding one looks like another that does not, yet never equals it: references to it fail or go to the wrong record, and a bidirectional override can make a text display as something else. Reported for every record's id and for actors' names and aliases; in names and aliases a zero-width non-joiner or joiner between two letters of a non-Latin script is accepted (Persian and the Indic scripts spell words with them).");

    public static DiagnosticDescriptor LookAlike { get; } = RuleDescriptors.Create(
        "CM1014", "Look-alike ids or names", "{0} '{1}' looks like '{3}', {2}, but is a different text ({4})", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "Two different ids of one record kind, or two different actor names, whose Unicode UTS #39 skeletons are equal: they look the same (a Cyrillic 'а' for a Latin 'a', a Greek 'Ο' for an 'O', a hidden zero-width space) but are different texts, so a reference meant for one names the other and a reader cannot tell them apart. Reported at the one that is not plain ASCII (or at the later one), with the other as an additional location. Plain ASCII ids are not compared with each other ('rn' and 'm', '1' and 'l' are ordinary in ASCII ids).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Invisible, LookAlike];

    /// <summary>
    /// Per validation: ids with a character outside ASCII (rare) with their skeletons and handles; for actor names, a
    /// set of (skeleton hash, text hash) pairs and the handles of the first actor of each pair under its skeleton's
    /// hash. Plain ASCII ids keep nothing: their look-alikes are found at the end in the symbol table.
    /// </summary>
    public override void Initialize(RuleRegistration context)
        => context.RegisterStartAction(static start =>
        {
            var state = new State();
            start.RegisterRecordAction<ConflictRecord>(state.Record);
            start.RegisterRecordAction<Actor>(state.Actor);
            start.RegisterEndAction(state.End);
        });

    private sealed class State
    {
        private readonly List<(RecordKind Kind, string Id, string Skeleton, RecordHandle Handle)> _nonAscii = [];
        private readonly HashSet<(int Skeleton, int Text)> _names = [];
        private readonly PlacesByHash _byNameSkeleton = new();

        public void Record(RecordContext<ConflictRecord> context)
        {
            ConflictRecord record = context.Record;
            string id = record.RecordId;
            if (!ConfusableText.HasNonAscii(id))
            {
                return;
            }

            string what = Capitalised(Names.Of(record.RecordKind)) + " id";
            int at = ConfusableText.FindInvisible(id, allowJoinersInWords: false, out int codePoint);
            if (at >= 0)
            {
                context.Report(Invisible, "/id", what, ConfusableText.Visible(id), ConfusableText.Describe(codePoint), Position(id, at));
            }

            if (context.IsFirstWithId)
            {
                _nonAscii.Add((record.RecordKind, id, ConfusableText.Skeleton(id), context.Handle));
            }
        }

        public void Actor(RecordContext<Actor> context)
        {
            Actor actor = context.Record;
            CheckInvisible(context, actor.Name, "Actor name", "/name");
            for (int i = 0; i < actor.Aliases.Length; i++)
            {
                CheckInvisible(context, actor.Aliases[i], "Actor alias", $"/aliases/{i}");
            }

            string name = actor.Name.Trim();
            int skeleton = StringComparer.Ordinal.GetHashCode(ConfusableText.Skeleton(name));
            if (_names.Add((skeleton, StringComparer.Ordinal.GetHashCode(name))))
            {
                _byNameSkeleton.Add(skeleton, context.Place);
            }
        }

        public void End(RuleEndContext context)
        {
            // Ids outside ASCII against each other, one kind at a time, in input order.
            foreach (IGrouping<(RecordKind, string), (RecordKind Kind, string Id, string Skeleton, RecordHandle Handle)> group in _nonAscii.GroupBy(e => (e.Kind, e.Skeleton)))
            {
                (RecordKind Kind, string Id, string Skeleton, RecordHandle Handle) first = group.First();
                foreach ((RecordKind kind, string id, _, RecordHandle handle) in group.Skip(1))
                {
                    if (!string.Equals(id, first.Id, StringComparison.Ordinal))
                    {
                        ReportIds(context, kind, id, handle, first.Id, context.LocationOf(first.Handle, "/id"));
                    }
                }
            }

            // Ids outside ASCII against plain ASCII ids of their kind, looked up in the symbol table.
            foreach ((RecordKind kind, string id, string skeleton, RecordHandle handle) in _nonAscii)
            {
                foreach (string candidate in AsciiLookAlikes(id))
                {
                    if (!string.Equals(candidate, id, StringComparison.Ordinal)
                        && string.Equals(ConfusableText.Skeleton(candidate), skeleton, StringComparison.Ordinal)
                        && context.Symbols.Find(kind, candidate) is { } other)
                    {
                        ReportIds(context, kind, id, handle, candidate, context.LocationOf(other, "/id"));
                        break;
                    }
                }
            }

            // Actor names: the handles that share a skeleton hash are read again, and compared for real.
            foreach (List<int> places in _byNameSkeleton.Several)
            {
                var firstBySkeleton = new Dictionary<string, (string Name, string Id, RecordHandle Handle)>(StringComparer.Ordinal);
                foreach (int place in places)
                {
                    RecordHandle handle = context.HandleOf(place);
                    if (context.ReadAgain(handle) is not Actor actor)
                    {
                        continue;
                    }

                    string name = actor.Name.Trim();
                    string skeleton = ConfusableText.Skeleton(name);
                    if (!firstBySkeleton.TryGetValue(skeleton, out (string Name, string Id, RecordHandle Handle) first))
                    {
                        firstBySkeleton[skeleton] = (name, actor.RecordId, handle);
                    }
                    else if (!string.Equals(first.Name, name, StringComparison.Ordinal))
                    {
                        context.Report(Diagnostic.Create(
                            LookAlike,
                            context.LocationOf(handle, "/name"),
                            [context.LocationOf(first.Handle, "/name")],
                            "Actor name",
                            ConfusableText.Visible(name),
                            "the name of actor '" + ConfusableText.Visible(first.Id) + "'",
                            ConfusableText.Visible(first.Name),
                            ConfusableText.FirstDifference(name, first.Name)));
                    }
                }
            }
        }

        /// <summary>
        /// The plain ASCII spellings of an id that may share its skeleton: each character outside ASCII replaced by
        /// every ASCII character (or the ASCII text) with its skeleton, invisible ones dropped, the ASCII characters kept
        /// as written; none when a character has no ASCII look-alike. At most <see cref="MaxCandidates"/>.
        /// </summary>
        internal static IEnumerable<string> AsciiLookAlikes(string id)
        {
            var options = new List<string[]>();
            for (int i = 0; i < id.Length;)
            {
                int codePoint = char.IsHighSurrogate(id[i]) && i + 1 < id.Length ? char.ConvertToUtf32(id[i], id[i + 1]) : id[i];
                int length = codePoint > 0xFFFF ? 2 : 1;
                if (codePoint < 0x80)
                {
                    options.Add([((char)codePoint).ToString()]);
                }
                else if (!ConfusableText.IsInvisible(codePoint))
                {
                    string skeleton = ConfusableText.SkeletonOf(codePoint);
                    if (!Ascii.IsValid(skeleton) || !AsciiBySkeleton.TryGetValue(skeleton, out string[]? spellings))
                    {
                        yield break;
                    }

                    options.Add(spellings);
                }

                i += length;
            }

            var prefixes = new List<string> { string.Empty };
            foreach (string[] choice in options)
            {
                var next = new List<string>(Math.Min(MaxCandidates, prefixes.Count * choice.Length));
                foreach (string prefix in prefixes)
                {
                    foreach (string option in choice)
                    {
                        if (next.Count < MaxCandidates)
                        {
                            next.Add(prefix + option);
                        }
                    }
                }

                prefixes = next;
            }

            foreach (string candidate in prefixes)
            {
                yield return candidate;
            }
        }

        // Each ASCII skeleton with the printable ASCII characters that have it ("l": l, 1, I, |), and the skeleton
        // itself when it is its own skeleton ("rn": rn and m).
        private static readonly Dictionary<string, string[]> AsciiBySkeleton = BuildAsciiBySkeleton();

        private static Dictionary<string, string[]> BuildAsciiBySkeleton()
        {
            var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            for (char c = ' '; c < '\u007f'; c++)
            {
                string skeleton = ConfusableText.Skeleton(c.ToString());
                if (!lists.TryGetValue(skeleton, out List<string>? list))
                {
                    lists[skeleton] = list = [];
                }

                list.Add(c.ToString());
                if (skeleton.Length > 1 && string.Equals(ConfusableText.Skeleton(skeleton), skeleton, StringComparison.Ordinal) && !list.Contains(skeleton))
                {
                    list.Add(skeleton);
                }
            }

            return lists.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        }

        private static void ReportIds(RuleEndContext context, RecordKind kind, string id, RecordHandle handle, string otherId, DiagnosticLocation other)
        {
            string what = Capitalised(Names.Of(kind)) + " id";
            context.Report(Diagnostic.Create(
                LookAlike,
                context.LocationOf(handle, "/id"),
                [other],
                what,
                ConfusableText.Visible(id),
                "another " + Names.Of(kind) + " id",
                ConfusableText.Visible(otherId),
                ConfusableText.FirstDifference(id, otherId)));
        }

        private static void CheckInvisible(RecordContext<Actor> context, string text, string what, string pointer)
        {
            if (ConfusableText.HasNonAscii(text) && ConfusableText.FindInvisible(text, allowJoinersInWords: true, out int codePoint) is var at and >= 0)
            {
                context.Report(Invisible, pointer, what, ConfusableText.Visible(text), ConfusableText.Describe(codePoint), Position(text, at));
            }
        }

        private static int Position(string text, int index)
        {
            int position = 1;
            foreach (Rune _ in text.AsSpan(0, index).EnumerateRunes())
            {
                position++;
            }

            return position;
        }

        private static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];
    }
}
