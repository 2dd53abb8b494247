// What a page's main thread did in a window of a Chrome trace, and where its JavaScript time went by the CPU profile
// taken beside it: shared by the trace tools (first-queue-trace.ts, sign-in-trace.ts).

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The event's time on its thread's CPU clock (µs), where the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; requestId?: string; message?: string; functionName?: string } };
}

/** A CDP `Profiler.stop` profile: times in µs on the trace's clock. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading', 'toplevel', 'disabled-by-default-v8.compile'];

/** Where a CDP session's trace events gather, and when the trace is complete (after `Tracing.end`). */
export function collectTrace(cdp: { on(event: 'event', listener: (message: { method: string; params?: unknown }) => void): unknown }): { events: TraceEvent[]; completed: Promise<void> } {
  const events: TraceEvent[] = [];
  let complete!: () => void;
  const completed = new Promise<void>((resolve) => (complete = resolve));
  cdp.on('event', ({ method, params }) => {
    if (method === 'Tracing.dataCollected') events.push(...(params as { value: TraceEvent[] }).value);
    if (method === 'Tracing.tracingComplete') complete();
  });
  return { events, completed };
}

const ms = (us: number) => Math.round(us / 100) / 10;
const short = (url: string) => url.replace(/^.*\//, '') || url;

/** The main thread (`pid:tid`) between `from` and `to` (µs): busy time, self time by event, the longest tasks. */
export function printMainThread(events: TraceEvent[], main: string, from: number, to: number): void {
  const onMain = events
    .filter((event) => `${event.pid}:${event.tid}` === main && event.ph === 'X' && event.dur !== undefined && event.ts + event.dur > from && event.ts < to)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // The events nest by time on one thread: each one's self time is its duration less its children's.
  const children = new Map<TraceEvent, TraceEvent[]>();
  const tasks: TraceEvent[] = [];
  const open: TraceEvent[] = [];
  for (const event of onMain) {
    while (open.length > 0 && open.at(-1)!.ts + open.at(-1)!.dur! <= event.ts) open.pop();
    if (open.length > 0) children.get(open.at(-1)!)!.push(event);
    else tasks.push(event);
    children.set(event, []);
    open.push(event);
  }
  const label = (event: TraceEvent) => {
    const data = event.args?.data;
    return [event.name, data?.url ? short(data.url) : '', data?.functionName ? `fn ${data.functionName}` : ''].filter(Boolean).join(' ');
  };
  const self = new Map<string, number>();
  for (const event of onMain) {
    const inside = children.get(event)!.reduce((sum, child) => sum + child.dur!, 0);
    self.set(label(event), (self.get(label(event)) ?? 0) + Math.max(0, event.dur! - inside));
  }
  const inWindow = (task: TraceEvent) => Math.min(task.ts + task.dur!, to) - Math.max(task.ts, from);
  const busy = tasks.reduce((sum, task) => sum + inWindow(task), 0);
  // On a loaded machine a task's wall time includes waiting for a core: its CPU time (the part in the window) is the work.
  const cpu = tasks.reduce((sum, task) => sum + (task.tdur ?? task.dur!) * (inWindow(task) / Math.max(1, task.dur!)), 0);
  console.log(`main thread busy ${ms(busy)} of ${ms(to - from)} ms (CPU ${ms(cpu)} ms), in ${tasks.length} tasks; self time by event:`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`  ${String(ms(us)).padStart(7)} ms  ${key}`);
  console.log('  longest tasks, with what inside them took longest:');
  for (const task of [...tasks].sort((a, b) => b.dur! - a.dur!).slice(0, 5)) {
    let inner = task;
    while (children.get(inner)!.length === 1) inner = children.get(inner)![0]!;
    const biggest = [...children.get(inner)!].sort((a, b) => b.dur! - a.dur!).slice(0, 4).map((child) => `${label(child)} ${ms(child.dur!)}`);
    console.log(`  ${String(ms(task.dur!)).padStart(7)} ms  at +${ms(task.ts - from)} ms: ${label(inner)} [${biggest.join(', ')}]`);
  }
}

/** The profile's samples between `from` and `to` (µs): self time by function, the heaviest first. */
export function printProfile(profile: CpuProfile, from: number, to: number, top = 25): void {
  const frameOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  let at = profile.startTime;
  let total = 0;
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at < from || at > to) return;
    const frame = frameOf.get(nodeId)!;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    const key = `${frame.functionName || '(anonymous)'} ${short(frame.url)}:${frame.lineNumber + 1}`;
    const next = profile.timeDeltas[index + 1] ?? delta;
    self.set(key, (self.get(key) ?? 0) + next);
    total += next;
  });
  console.log(`JavaScript (sampled) ${ms(total)} ms; self time by function:`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${String(ms(us)).padStart(7)} ms  ${key}`);
  console.log('time inside each component (a function named in capitals; with what it renders in the same call, not its children):');
  for (const [key, us] of [...inclusiveByComponent(profile, from, to)].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${String(ms(us)).padStart(7)} ms  ${key}`);
}

/** Per component function, the sampled time with it on the stack (counted once per sample however deep). */
function inclusiveByComponent(profile: CpuProfile, from: number, to: number): Map<string, number> {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const frameOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const inclusive = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((nodeId, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (at < from || at > to) return;
    const weight = profile.timeDeltas[index + 1] ?? 0;
    const seen = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parentOf.get(id)) {
      const name = frameOf.get(id)!.functionName;
      if (/^[A-Z]/.test(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + weight);
      }
    }
  });
  return inclusive;
}
