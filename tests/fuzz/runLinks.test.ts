/**
 * Run links and run files are untrusted input (issue 14): random and mutated payloads never
 * throw past the decoder, and each is answered within the per-input budget.
 */
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeRunPayload, encodeRunPayload } from '../../src/run/link';
import { parseRunFile, runFileText } from '../../src/run/runFile';
import { defaultSettings } from '../../src/sim/settings';
import { withinBudget } from './budget';

const valid = encodeRunPayload({ run: { settings: defaultSettings(), interventions: [{ kind: 'fault', t: 1000, action: { kind: 'crash', node: 'node-2' } }] }, atMs: 5000 });

describe('run link and run file decoders under fuzzing', () => {
  it('random, mutated and deflated-random payloads: an answer, never an exception, within budget', () => {
    decodeRunPayload(valid); // warm up untimed
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (s) => {
      const r = withinBudget('random link', () => decodeRunPayload(s));
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 300 });
    fc.assert(fc.property(fc.nat({ max: valid.length - 1 }), fc.constantFrom(...'ABCxyz09-_'), (i, c) => {
      const r = withinBudget('mutated link', () => decodeRunPayload(valid.slice(0, i) + c + valid.slice(i + 1)));
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 300 });
    fc.assert(fc.property(fc.jsonValue(), (j) => {
      const payload = Buffer.from(deflateSync(strToU8(JSON.stringify({ v: 1, s: j, i: j, at: j })))).toString('base64url');
      const r = withinBudget('deflated JSON link', () => decodeRunPayload(payload));
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 300 });
  });

  it('run files: random text and mutated files, within budget', () => {
    const text = runFileText({ run: { settings: defaultSettings(), interventions: [] }, atMs: 0 });
    fc.assert(fc.property(fc.nat({ max: text.length - 1 }), fc.string({ maxLength: 3 }), (i, c) => {
      const r = withinBudget('mutated run file', () => parseRunFile(text.slice(0, i) + c + text.slice(i + 1), 'run.json'));
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 300 });
  });
});
