import type { Writable } from 'node:stream';
import type { ImportProgress } from './importer';

/** Lines, rate and ETA on one redrawn terminal line; at most a few redraws a second. */
export function createTerminalProgress(stream: Writable, totalBytes: number | null, now: () => number = Date.now) {
  const startedAt = now();
  let lastDrawAt = 0;
  let drawn = false;

  const draw = (progress: ImportProgress, force: boolean) => {
    const at = now();
    if (!force && at - lastDrawAt < 250) return;
    lastDrawAt = at;
    const seconds = Math.max((at - startedAt) / 1000, 0.001);
    const rate = Math.round(progress.lines / seconds);
    let eta = '';
    if (totalBytes && progress.bytes > 0 && progress.bytes < totalBytes) {
      const remaining = ((totalBytes - progress.bytes) / progress.bytes) * seconds;
      eta = `, ETA ${formatDuration(remaining)}`;
    }
    const percent = totalBytes ? ` (${Math.min(100, Math.floor((progress.bytes / totalBytes) * 100))}%)` : '';
    stream.write(`\r\x1b[2Kimporting: ${progress.lines.toLocaleString('en')} lines${percent}, ${rate.toLocaleString('en')} lines/s${eta}`);
    drawn = true;
  };

  return {
    update: (progress: ImportProgress) => draw(progress, false),
    done: (progress: ImportProgress) => {
      draw(progress, true);
      if (drawn) stream.write('\n');
    },
  };
}

export function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
