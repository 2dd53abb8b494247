import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { NdjsonLine } from '../../../shared/intake/ndjson-lines';
import { answerPrepareRequest, servePrepareRequests } from '../../../src-main/ingest/prepare-answer';
import { prepareLine, type PreparedLine } from '../../../src-main/ingest/prepare-line';
import type { PrepareAnswer } from '../../../src-main/ingest/prepare-pool';
import { fromWireBatch, WORKER_READY } from '../../../src-main/ingest/prepared-wire';
import { examplesText, filedRecord, IBANS, withdrawal } from '../../support/records';

const asLines = (texts: string[]): NdjsonLine[] => texts.map((text, index) => ({ number: index + 1, text, tooLong: false, bytes: text.length + 1 }));

/** What the writer reads of a prepared line, with the packed bytes as a plain array (a view and its copy compare equal). */
function readable(prepared: PreparedLine) {
  if (prepared.ok !== true) return prepared;
  const { record, raw, row, mentions, packed } = prepared.input;
  return { line: prepared.line, record, raw, row, mentions, packed: packed && { bytes: [...packed.packed], narrativeAt: packed.narrativeAt } };
}

const channels: MessagePort[] = [];
afterEach(() => channels.splice(0).forEach((port) => port.close()));

/** A batch sent through a real message port, as the prepare worker answers it; with the answer as the worker built it. */
async function throughPort(lines: NdjsonLine[]): Promise<{ received: PreparedLine[]; sent: PrepareAnswer }> {
  const { port1: worker, port2: caller } = new MessageChannel();
  channels.push(worker, caller);
  let sent: PrepareAnswer | undefined;
  servePrepareRequests(worker, (request) => (sent = answerPrepareRequest(request)));
  const answer = new Promise<PrepareAnswer>((resolve) => caller.on('message', (message: PrepareAnswer | typeof WORKER_READY) => message !== WORKER_READY && resolve(message)));
  caller.postMessage({ id: 1, lines });
  const received = await answer;
  if (!('batch' in received)) throw new Error('expected a batch');
  return { received: fromWireBatch(received.batch, lines), sent: sent! };
}

describe('a batch of prepared lines on the wire', () => {
  it('arrives as the worker prepared it: rows, mentions with their domains and enrichment, packed revisions, rejections, blanks', async () => {
    const revised = filedRecord({ suspect: { bankAccounts: [IBANS.muleA], websites: ['https://www.ing-verificatie.nl/login'] } });
    const texts = [
      ...examplesText().split('\n').filter((text) => text.trim() !== ''),
      '',
      'not json',
      JSON.stringify({ ...revised, revision: 2, incident: { summary: 'Twee € betaald', narrative: 'Bel 06-12345678 of mail naar x@oplichter.nl — “snel”' } }),
      JSON.stringify(withdrawal(revised, 3)),
      // A narrative with a lone surrogate stays in the packed text (packRevision), and must survive the JSON.
      JSON.stringify(filedRecord({ incident: { summary: 'half \ud800 teken', narrative: 'kapot \udc00 teken, 0612345678' } })),
    ];
    const lines = asLines(texts);
    const { received } = await throughPort(lines);
    expect(received.map(readable)).toEqual(lines.map((line) => readable(prepareLine(line))));
    expect(received.filter((line) => line.ok === true && line.input.packed).length).toBeGreaterThan(5);
    expect(received.map((line) => line.ok)).toContain('blank');
    expect(received.find((line) => line.ok === false)).toMatchObject({ line: texts.indexOf('not json') + 1 });
  });

  it('hands its packed revisions over instead of copying them', async () => {
    const { sent } = await throughPort(asLines(examplesText().split('\n').filter((text) => text.trim() !== '')));
    // A transferred buffer is detached where it was sent from; a copied one would keep its bytes.
    expect('batch' in sent && sent.batch.packed.byteLength).toBe(0);
  });
});
