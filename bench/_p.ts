import { openStore } from '../src-main/db/open-store';
import { systemClock } from '../src-main/platform/clock';
import { createReportWriter } from '../src-main/store/report-writer';
import { parseIntakeLine } from '../shared/intake/parse';
import { extractIndicators } from '../src-main/indicators/extract-record';
import { readFileSync, rmSync, statSync } from 'node:fs';
const lines = readFileSync('/tmp/g20k.ndjson','utf8').split('\n').filter(Boolean);
const parsed = lines.map(l=>parseIntakeLine(l));
for (const p of parsed) if (p.ok) extractIndicators(p.record); // warm memo
const inputs = parsed.map((p,i)=>p.ok?{record:p.record, raw: lines[i]!}:null).filter(Boolean) as any[];
for (const variant of ['full', 'detail-column', 'detail-none', 'batch5000']) {
  rmSync('/tmp/p.db', {force:true}); rmSync('/tmp/p.db-wal', {force:true});
  const store = openStore({ path: '/tmp/p.db' });
  if (variant.startsWith('detail')) store.sqlite.exec(`DROP TABLE reports_fts; CREATE VIRTUAL TABLE reports_fts USING fts5(summary, narrative, content='reports', content_rowid='id', tokenize='unicode61 remove_diacritics 2', detail=${variant.slice(7)})`);
  const writer = createReportWriter(store, { clock: systemClock, actor: 'x' });
  let t=performance.now(); const c0=process.cpuUsage();
  const b = variant==='batch5000'?5000:1000; for (let i=0;i<inputs.length;i+=b) writer.applyBatch(inputs.slice(i,i+b));
  const c=process.cpuUsage(c0); console.log(variant, 'write wall µs/record', ((performance.now()-t)*1000/inputs.length).toFixed(0), 'cpu', ((c.user+c.system)/inputs.length).toFixed(0));
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)'); console.log('  bytes/report', Math.round(statSync('/tmp/p.db').size/inputs.length)); store.close();
}
