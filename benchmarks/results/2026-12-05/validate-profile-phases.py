import json,collections,re,sys
def load(fn):
    d=json.load(open(fn))
    frames=[f['name'] for f in d['shared']['frames']]
    pseudo={i for i,f in enumerate(frames) if f in ('CPU_TIME','UNMANAGED_CODE_TIME')}
    phase=collections.Counter(); rule=collections.Counter(); endrule=collections.Counter(); total=0; gc=collections.Counter()
    for p in d['profiles']:
        if 'Finalizer' in p['name']: continue
        stack=[]; last=p['startValue']
        for e in p['events']:
            t=e['at']; dt=t-last
            if stack and dt>0:
                names=[frames[f] for f in stack if f not in pseudo]
                total+=dt
                isgc = any('PollGC' in n for n in names)
                inEnd = any('RuleEngine.End()' in n for n in names)
                r=None
                for n in names:
                    m=re.search(r'Validation\.Rules\.(\w+)',n)
                    if m: r=m.group(1); break
                if any('DatasetRecordReader.Read()' in n for n in names): k='reader (DatasetRecordReader.Read)'
                elif inEnd: k='end actions'; endrule[r or '(engine)']+=dt
                elif r: k='record actions'; rule[r]+=dt
                elif any('StreamingWalk.Run' in n for n in names): k='engine and walk (dispatch, id table adds, cache, retries, collector)'
                elif any('ValidationResult' in n or 'DiagnosticCollector.Finish' in n for n in names): k='finish (sort)'
                elif any('Report' in n and 'Writer' in n for n in names): k='report writing'
                else: k='start-up, configuration, other'
                phase[k]+=dt
                if isgc: gc[k]+=dt
            last=t
            if e['type']=='O': stack.append(e['frame'])
            else: stack.pop()
    return total,phase,rule,endrule,gc
# Usage: python3 validate-profile-phases.py trace.speedscope.json... (dotnet-trace's speedscope output)
for fn in sys.argv[1:]:
    total,phase,rule,endrule,gc=load(fn)
    print(f'### {fn}: {total/1000:.1f} s sampled on the main thread')
    print()
    print('| phase | sampled time | share | of which waiting for GC |')
    print('|---|---:|---:|---:|')
    for k,v in phase.most_common(): print(f"| {k} | {v/1000:.2f} s | {100*v/total:.0f}% | {100*gc[k]/total:.0f}% |")
    print()
    print('| rule (record actions, then end actions) | sampled time | share of the run |')
    print('|---|---:|---:|')
    for k,v in rule.most_common():
        if v/total >= 0.001: print(f"| {k} | {v/1000:.2f} s | {100*v/total:.1f}% |")
    for k,v in endrule.most_common():
        if v/total >= 0.001: print(f"| {k}, end action | {v/1000:.2f} s | {100*v/total:.1f}% |")
    print()
