using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.IO;
using ConflictModel.Validation;
using ConflictModel.Model;
using NodaTime;
using NodaTime.Text;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Cli;

/// <summary>
/// <c>conflictmodel stats</c>: what a dataset holds, and where its casualty figures contradict each other. The input
/// streams through <see cref="DatasetRecordReader"/> (neither form is held whole) into compact aggregates: counts,
/// the span of dates, where each casualty estimate is (not the estimate: <see cref="StatsEstimates"/>), and the claims;
/// the few estimates the contested figures need are read again at the end. A broken input gets the diagnostics
/// <c>validate</c> prints for it, on standard error, and no summary.
/// </summary>
internal static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "Dataset files, directories (searched recursively), glob patterns, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        Option<string> diagnosticsFormat = DatasetFiles.CreateDiagnosticsFormatOption();
        var command = new Command("stats", "Summarise datasets: records by kind, actors by kind, the span of their dates, and contested casualty figures.")
        {
            paths,
            diagnosticsFormat,
        };
        var limits = new InputLimits();
        limits.AddTo(command);
        command.SetAction(parsed =>
        {
            Func<Serialization.DatasetReaderOptions?, Serialization.DatasetReaderOptions> readerOptions = given => limits.Apply(parsed, given);
            int exit = ExitCodes.Success;
            foreach (InputFile file in InputFiles.Expand(parsed.GetValue(paths)!, console.WorkingDirectory))
            {
                if (Summarise(file, console, parsed.GetValue(diagnosticsFormat)!, readerOptions) is { } summary)
                {
                    summary.Write(console.Out, file.DisplayPath);
                }
                else
                {
                    exit = ExitCodes.DataErrors;
                }
            }

            return exit;
        });
        return command;
    }

    /// <summary>Streams a file into its summary; on an error, prints the diagnostics <c>validate</c> gives and returns null.</summary>
    private static Summary? Summarise(InputFile file, CliConsole console, string diagnosticsFormat, Func<Serialization.DatasetReaderOptions?, Serialization.DatasetReaderOptions> readerOptions)
    {
        (ValidationOptions options, DatasetReader reader, _) = ValidateCommand.OptionsFor(file, null, console.WorkingDirectory, [], warnAsError: false, readerOptions, noConfig: false);
        var summary = new Summary();
        var found = new List<Diagnostic>();
        bool failed = false;
        DatasetFormat format = DatasetFormat.Document;
        bool gzip = false;
        bool known = !file.IsStandardInput && DatasetFormats.TryGetFromPath(file.FullPath, out format, out gzip);
        using (Stream raw = file.IsStandardInput ? console.Input : Open(file))
        using (DatasetRecordReader records = reader.OpenRecords(raw, file.DisplayPath, known ? format : null, gzip))
        {
            // The few estimates the contested figures need are read again at the end, as validation reads records
            // again: from the file itself, or from a temporary copy of standard input or of decompressed gzip.
            records.KeepRandomAccess();
            try
            {
                while (records.Read())
                {
                    StreamedRecord entry = records.Current;
                    if (!entry.Diagnostics.IsEmpty)
                    {
                        found.AddRange(entry.Diagnostics);
                        failed |= entry.Diagnostics.Any(d => d.IsError);
                    }

                    if (!failed && entry.Record is { } record)
                    {
                        summary.Add(record, entry.Window is { } window && entry.Span is { } span ? RecordMark.Of(window, span) : null);
                    }
                }

                summary.Title = records.Info?.Title;
                if (!failed)
                {
                    summary.Finish(mark => records.ReadRecordAt(mark).Record);
                }
            }
            catch (InputChangedException changed)
            {
                // The file was truncated under the reader: the records read again are not those counted.
                found.Add(ReaderDiagnostics.ForInputChanged(changed, records.FilePath));
                failed = true;
            }
        }

        if (!failed)
        {
            return summary;
        }

        if (file.IsStandardInput)
        {
            // Standard input cannot be read again for the rules: the reader's own diagnostics, which make it unreadable.
            DatasetFiles.Report(console, file, diagnosticsFormat, found, 0);
        }
        else
        {
            ValidationResult validated = ValidateCommand.ValidateFile(new DatasetValidator(options), reader, file, console, null);
            DatasetFiles.Report(console, file, diagnosticsFormat, validated.Diagnostics, validated.RecordCount);
        }

        return null;
    }

    private static FileStream Open(InputFile file)
    {
        try
        {
            return new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException ex)
        {
            throw new UsageException(InputFiles.Missing(file.DisplayPath, file.FullPath), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{file.DisplayPath}: cannot read: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// What the summary needs, gathered record by record: counts by kind and actor kind, the earliest and latest
    /// date, where each casualty estimate is (<see cref="StatsEstimates"/>: hashes and a place, not the record), who
    /// claims what about each estimate, and which estimates their claimants superseded. Nothing else of a record is
    /// kept. At the end (<see cref="Finish"/>, while the input can still be read) the estimates that may count the same
    /// people are read again and grouped by <see cref="CasualtyEnvelope.GroupsOf"/>, less the superseded ones: the
    /// library's one grouping, so that <c>stats</c> and the API cannot disagree about what is contested.
    /// </summary>
    private sealed class Summary
    {
        private readonly Dictionary<RecordKind, long> _counts = [];
        private readonly Dictionary<ActorKind, long> _actorKinds = [];
        private readonly StatsEstimates _estimates = new(TestHooks.StatsHashBits);
        private readonly Dictionary<CasualtyEstimateId, List<(ActorId Claimant, ClaimStance Stance)>> _claims = [];
        private readonly SupersededEstimates _superseded = new();
        private LocalDate? _first;
        private LocalDate? _last;
        private long _dates;
        private readonly Standings _standings = new();
        private long _reportedDates;
        private long _yearlessDates;
        private long _relativeDates;
        private List<CasualtyEstimateGroup> _contested = [];

        public string? Title { get; set; }

        public void Add(ConflictRecord record, RecordMark? mark)
        {
            _counts[record.RecordKind] = _counts.GetValueOrDefault(record.RecordKind) + 1;
            switch (record)
            {
                case Actor actor:
                    _actorKinds[actor.Kind] = _actorKinds.GetValueOrDefault(actor.Kind) + 1;
                    _standings.Add(actor);
                    break;
                case Event e:
                    Date(e.Date);
                    Reported(e.DateAsReported);
                    _standings.Add(e, mark);
                    break;
                case Claim claim:
                    Date(claim.Made);
                    _superseded.Add(claim);
                    Reported(claim.MadeAsReported);
                    _standings.Add(claim);
                    if (claim.Subject.CasualtyEstimate is { } about)
                    {
                        if (!_claims.TryGetValue(about, out List<(ActorId, ClaimStance)>? list))
                        {
                            _claims[about] = list = [];
                        }

                        list.Add((claim.Claimant, claim.Stance));
                    }

                    break;
                case Attribution attribution:
                    Date(attribution.Date);
                    _standings.Add(attribution, mark);
                    break;
                case CasualtyEstimate estimate:
                    Date(estimate.Period);
                    _standings.Add(_estimates.Add(estimate, mark), estimate);
                    break;
                case Ceasefire ceasefire:
                    Date(ceasefire.Declared);
                    Date(ceasefire.Effective);
                    foreach (StatusChange<CeasefireStatus> change in ceasefire.History)
                    {
                        Date(change.Date);
                    }

                    break;
                case Mediation mediation:
                    foreach (StatusChange<MediationStatus> change in mediation.History)
                    {
                        Date(change.Date);
                    }

                    foreach (MediationRound round in mediation.Rounds)
                    {
                        Date(round.Date);
                        Reported(round.DateAsReported);
                    }

                    break;
                case Agreement agreement:
                    Date(agreement.Signed);
                    Date(agreement.Ended);
                    break;
            }
        }

        /// <summary>Reads again what the end needs (the reader still open) and works out who estimates and what is contested.</summary>
        /// <param name="readAgain">Reads a record again by its mark.</param>
        public void Finish(Func<RecordMark, ConflictRecord?> readAgain)
        {
            _estimates.ReadAgainWith(readAgain);
            _standings.Finish(_estimates, readAgain);

            // A figure its claimant replaced (a revision, a retraction) is no one's figure any more: it contests nothing,
            // as GroupsOf decides over a whole dataset (SupersededEstimates).
            _contested = _estimates.Contested(_superseded.Contains, new DatasetInfo(Title ?? "Untitled"));
        }

        public void Write(TextWriter output, string name)
        {
            long total = _counts.Values.Sum();
            output.WriteLine($"{name}: {Title ?? "Untitled"}");
            (string Name, RecordKind Kind)[] kinds =
            [
                ("sources", RecordKind.Source), ("actors", RecordKind.Actor), ("events", RecordKind.Event),
                ("casualty estimates", RecordKind.CasualtyEstimate), ("attributions", RecordKind.Attribution), ("claims", RecordKind.Claim),
                ("ceasefires", RecordKind.Ceasefire), ("mediations", RecordKind.Mediation), ("agreements", RecordKind.Agreement),
            ];
            output.WriteLine($"  records: {total} ({string.Join(", ", kinds.Where(k => _counts.GetValueOrDefault(k.Kind) > 0).Select(k => $"{k.Name} {_counts[k.Kind]}"))})");
            if (_actorKinds.Count > 0)
            {
                output.WriteLine($"  actors: {string.Join(", ", _actorKinds.OrderBy(k => k.Key).Select(k => $"{Camel(k.Key.ToString())} {k.Value}"))}");
            }

            output.WriteLine(_dates == 0
                ? "  dates: none given"
                : $"  dates: {Format(_first)} to {Format(_last)} ({_dates} dates)");
            if (_reportedDates > 0)
            {
                output.WriteLine($"  dates as reported: {_reportedDates} ({_yearlessDates} without a year, {_relativeDates} relative to a report)");
            }

            _standings.Write(output);

            output.WriteLine($"  contested casualty figures: {_contested.Count}");
            foreach (CasualtyEstimateGroup group in _contested)
            {
                CasualtyEnvelope envelope = group.Envelope;
                string who = group.Side is { } side ? $" of {side}" : string.Empty;
                string category = group.Category is { } c ? $" ({Camel(c.ToString())})" : string.Empty;
                output.WriteLine($"    {Camel(group.Population.ToString())}{who}{category}:");
                foreach (CasualtyEstimate estimate in group.Estimates)
                {
                    IEnumerable<string> claims = _claims.TryGetValue(estimate.Id, out List<(ActorId Claimant, ClaimStance Stance)>? list)
                        ? list.Select(claim => $"{claim.Claimant} {Camel(claim.Stance.ToString())}")
                        : [];
                    string claimants = string.Join(", ", claims.DefaultIfEmpty(estimate.ClaimedBy is { } by ? $"{by} claims" : "unattributed"));
                    output.WriteLine($"      {estimate.Id}: {Figure(estimate.Figure)} [{claimants}]");
                }

                output.WriteLine($"      {envelope.Conflicts.Length} contradicting pair(s); together they span {Figure(envelope.Minimum)} to {Figure(envelope.Maximum)}");
            }
        }

        private void Reported(ReportedDate? date)
        {
            if (date is null)
            {
                return;
            }

            _reportedDates++;
            if (date.Yearless is not null)
            {
                _yearlessDates++;
            }

            if (date.IsRelative)
            {
                _relativeDates++;
            }
        }

        private void Date(EdtfDate? date)
        {
            if (date is not { } d)
            {
                return;
            }

            _dates++;
            if (d.Earliest is { } earliest && (_first is null || earliest < _first))
            {
                _first = earliest;
            }

            if (d.Latest is { } latest && (_last is null || latest > _last))
            {
                _last = latest;
            }
        }
    }

    /// <summary>
    /// Who estimates and who claims: whether each casualty estimate and each claim comes from a party to what it is
    /// about or from a third party (<see cref="ClaimantStandings"/>), judged once every record is read. Keeps only the
    /// ids the judgement needs: each actor's affiliation, what each claim names, and who claims, for which side and
    /// event, the estimates that name a claimant (one with none is not known whatever else it says). Events and
    /// attributions are kept as places (<see cref="StatsPlaces{TRecord}"/>); the events, attributions and estimates
    /// the judgement needs, and ids met twice, are read again at the end.
    /// </summary>
    private sealed class Standings
    {
        private readonly Dictionary<ActorId, ActorId?> _affiliations = [];
        private readonly StatsPlaces<Event> _events = new(RecordKind.Event, TestHooks.StatsHashBits);
        private readonly StatsPlaces<Attribution> _attributions = new(RecordKind.Attribution, TestHooks.StatsHashBits);
        private readonly List<(int Index, ActorId ClaimedBy, ActorId? Side, EventId? Event)> _claimedEstimates = [];
        private readonly List<(ActorId Claimant, ClaimSubject Subject)> _claims = [];
        private Dictionary<EventId, ActorId[]> _eventParties = [];
        private Dictionary<AttributionId, (ActorId Accused, EventId? Event)> _attributionParties = [];
        private Dictionary<CasualtyEstimateId, CasualtyEstimate> _claimedAbout = [];
        private long[]? _estimates;

        public void Add(Actor actor) => _affiliations.TryAdd(actor.Id, actor.AffiliatedWith);

        public void Add(Event e, RecordMark? mark) => _events.Add(e, mark);

        public void Add(Attribution attribution, RecordMark? mark) => _attributions.Add(attribution, mark);

        public void Add(int index, CasualtyEstimate estimate)
        {
            if (estimate.ClaimedBy is { } claimedBy)
            {
                _claimedEstimates.Add((index, claimedBy, estimate.Side, estimate.Event));
            }
        }

        public void Add(Claim claim) => _claims.Add((claim.Claimant, claim.Subject));

        /// <summary>Counts the estimates by standing (each id once, the first met), reading again what the claims are about.</summary>
        public void Finish(StatsEstimates estimates, Func<RecordMark, ConflictRecord?> readAgain)
        {
            HashSet<int> repeats = estimates.Repeats();
            _claimedAbout = estimates.FirstWith(_claims.Select(c => c.Subject.CasualtyEstimate).OfType<CasualtyEstimateId>());

            // The first attribution with each id the claims name, then the first event with each id anything judged names.
            _attributions.ReadAgainWith(readAgain);
            _attributionParties = _attributions.FirstWith(_claims.Select(c => c.Subject.Attribution).OfType<AttributionId>().Select(id => id.Value))
                .Values.ToDictionary(a => a.Id, a => (a.Accused, a.Event));
            IEnumerable<EventId?> named = _claimedEstimates.Where(e => !repeats.Contains(e.Index)).Select(e => e.Event)
                .Concat(_claims.Select(c => c.Subject.Event))
                .Concat(_claimedAbout.Values.Select(e => e.Event))
                .Concat(_attributionParties.Values.Select(a => a.Event));
            _events.ReadAgainWith(readAgain);
            _eventParties = _events.FirstWith(named.OfType<EventId>().Select(id => id.Value))
                .Values.ToDictionary(e => e.Id, e => (ActorId[])[.. ClaimantStandings.PartiesTo(e)]);
            if (estimates.Count - repeats.Count == 0)
            {
                _estimates = null;
                return;
            }

            var judge = new ClaimantStandings(id => _affiliations.GetValueOrDefault(id), _ => null, _ => null, _ => null);
            var counts = new long[4];
            long claimed = 0;
            foreach ((int index, ActorId claimant, ActorId? side, EventId? e) in _claimedEstimates)
            {
                if (!repeats.Contains(index))
                {
                    claimed++;
                    counts[(int)judge.Of(claimant, Parties(side, e))]++;
                }
            }

            counts[(int)ClaimantStanding.Unknown] += estimates.Count - repeats.Count - claimed;
            _estimates = counts;
        }

        public void Write(TextWriter output)
        {
            if (_estimates is null && _claims.Count == 0)
            {
                return;
            }

            var judge = new ClaimantStandings(id => _affiliations.GetValueOrDefault(id), _ => null, _ => null, _ => null);
            long[] estimates = _estimates ?? new long[4];
            var claims = new long[4];
            foreach ((ActorId claimant, ClaimSubject subject) in _claims)
            {
                claims[(int)judge.Of(claimant, Parties(subject))]++;
            }

            output.WriteLine($"  who estimates: casualty estimates {Count(estimates)}; claims {Count(claims)}");
        }

        private static string Count(long[] counts)
            => $"{counts[(int)ClaimantStanding.Party]} by a party, {counts[(int)ClaimantStanding.ThirdParty]} by a third party, {counts[(int)ClaimantStanding.Unknown]} not known";

        private IEnumerable<ActorId> Parties(ActorId? side, EventId? e)
        {
            IEnumerable<ActorId> fromSide = side is { } s ? [s] : [];
            IEnumerable<ActorId> fromEvent = e is { } id && _eventParties.TryGetValue(id, out ActorId[]? parties) ? parties : [];
            return fromSide.Concat(fromEvent);
        }

        private IEnumerable<ActorId> Parties(ClaimSubject subject)
        {
            if (subject.CasualtyEstimate is { } estimate)
            {
                return _claimedAbout.TryGetValue(estimate, out CasualtyEstimate? about) ? Parties(about.Side, about.Event) : [];
            }

            if (subject.Event is { } e)
            {
                return Parties(null, e);
            }

            if (subject.Attribution is { } attribution && _attributionParties.TryGetValue(attribution, out (ActorId Accused, EventId? Event) accused))
            {
                return Parties(accused.Accused, accused.Event);
            }

            return [];
        }
    }

    private static string Figure(CasualtyFigure figure)
    {
        if (figure.IsUnknown)
        {
            return figure.Phrase is null ? "unknown" : $"unknown (\"{figure.Phrase}\")";
        }

        string approx = figure.IsApproximate ? "about " : string.Empty;
        string text = (figure.Low, figure.Best, figure.High) switch
        {
            (null, { } best, null) => $"{approx}{best}",
            ({ } low, null, null) => $"{(figure.LowExclusive ? "more than" : "at least")} {low}",
            (null, null, { } high) => $"{(figure.HighExclusive ? "fewer than" : "at most")} {high}",
            var (low, best, high) => $"{approx}{best?.ToString(CultureInfo.InvariantCulture) ?? "?"} ({low?.ToString(CultureInfo.InvariantCulture) ?? "?"} to {high?.ToString(CultureInfo.InvariantCulture) ?? "?"})",
        };
        return figure.Phrase is null ? text : $"{text} (\"{figure.Phrase}\")";
    }

    private static string Figure(long? value) => value switch
    {
        null => "unknown",
        long.MaxValue => "no upper bound",
        { } v => v.ToString(CultureInfo.InvariantCulture),
    };

    private static string Format(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : "?";

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
