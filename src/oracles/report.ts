/** One printed line per compared feature, and the exit status they add up to. */

export interface FeatureResult {
  /** `ip_hash (3 servers, weights 3/1/2, one down)` */
  feature: string;
  /** Agreement within the stated tolerance. */
  ok: boolean;
  /** `10000/10000 requests routed identically` */
  summary: string;
  /** The first disagreements, or notes worth printing under the line. */
  details?: string[];
  /** Not run (binary missing outside CI); never counts as agreement in CI. */
  skipped?: boolean;
}

export function formatResult(r: FeatureResult): string {
  const head = r.skipped ? `skip: ${r.feature}: ${r.summary}` : `${r.ok ? '' : 'FAIL: '}${r.feature}: ${r.summary}`;
  const details = (r.details ?? []).map((d) => `    ${d}`);
  return [head, ...details].join('\n');
}

export function ok(feature: string, summary: string, details?: string[]): FeatureResult {
  return { feature, ok: true, summary, details };
}

export function fail(feature: string, summary: string, details?: string[]): FeatureResult {
  return { feature, ok: false, summary, details };
}

/** A result from a comparison count. */
export function fromTally(feature: string, t: { ok: boolean; ratio: string; examples: string[] }, what: string): FeatureResult {
  return { feature, ok: t.ok, summary: `${t.ratio} ${what}`, details: t.ok ? [] : t.examples };
}
