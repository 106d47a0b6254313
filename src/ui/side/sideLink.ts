/**
 * The side-by-side link parameter's value (its name, SIDE_PARAM, is in sideParam.ts): `?side=driver:redis` (or `balancer:cookie`,
 * `driver:database,db:mysql`, `nodes:3`, `clients:office-nat`; pairs separated by commas).
 * It rides on every other link parameter — `?seed=7&users=200&side=driver:redis&present`,
 * or a run link `?run=…&side=balancer:cookie` — which describe the left side.
 *
 * A link is untrusted input: each value is checked against the settings schema the run links
 * use (src/run/schema.ts), nothing is evaluated, and whatever cannot be used is named.
 */
import { MAX_NODES } from '../../sim/settings';
import { SimSettingsSchema } from '../../run/schema';
import { SIDE_KEYS, type SideChange, type SideKey } from './sideChange';

/** Longer values are not ones we wrote (five keys and values fit in well under 100). */
export const MAX_SIDE_CHARS = 200;

const session = SimSettingsSchema.shape.session.shape;
/** Each key's values, as the schema of a run's settings has them. */
const ENUMS = {
  driver: session.driver,
  db: session.dbConnection.unwrap(),
  balancer: SimSettingsSchema.shape.balancer.shape.strategy,
  clients: SimSettingsSchema.shape.clients,
} as const;

/** A value quoted in a message: control characters escaped, at most 40 characters (as config.ts quotes link values). */
function quoted(v: string): string {
  return JSON.stringify(v.slice(0, 40)) + (v.length > 40 ? '…' : '');
}

export interface ParsedSide {
  change: SideChange;
  /** What could not be used, each saying what and why (`link: side: driver:xyz …; ignored`). */
  problems: string[];
}

/** Read a `side=` value. Never throws; an empty change means side by side is not opened. */
export function parseSide(raw: string): ParsedSide {
  const problems: string[] = [];
  const change: SideChange = {};
  const bad = (what: string) => problems.push(`link: side: ${what}`);
  if (raw.length > MAX_SIDE_CHARS) {
    bad(`the value is ${raw.length} characters long; at most ${MAX_SIDE_CHARS} are read (ignored)`);
    return { change, problems };
  }
  if (raw.trim() === '') {
    bad('empty; expected KEY:VALUE such as driver:redis (ignored)');
    return { change, problems };
  }
  for (const part of raw.split(',')) {
    const m = /^([a-z]+):(.*)$/.exec(part.trim());
    if (!m) {
      bad(`${quoted(part)} is not KEY:VALUE such as driver:redis (ignored)`);
      continue;
    }
    const key = m[1]!;
    const value = m[2]!;
    if (key === 'seed' || key === 'users') {
      bad(`${key} cannot differ between the sides: both run the same ${key === 'seed' ? 'seed' : 'people'} (ignored; set ${key}= for both)`);
      continue;
    }
    if (!(SIDE_KEYS as readonly string[]).includes(key)) {
      bad(`${quoted(key)} is not a setting side by side can change (one of ${SIDE_KEYS.join(', ')}; ignored)`);
      continue;
    }
    const k = key as SideKey;
    if (change[k] !== undefined) {
      bad(`${k} given twice; the first (${String(change[k])}) is used`);
      continue;
    }
    if (k === 'nodes') {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < 1 || n > MAX_NODES) bad(`nodes:${quoted(value)} is not a whole number from 1 to ${MAX_NODES} (ignored)`);
      else change.nodes = n;
      continue;
    }
    const schema = ENUMS[k];
    const r = schema.safeParse(value);
    if (!r.success) bad(`${k}:${quoted(value)} is not one of ${schema.options.join(', ')} (ignored)`);
    else (change as Record<string, unknown>)[k] = r.data;
  }
  return { change, problems };
}

/** The `side=` value for a change: `driver:redis,balancer:cookie`. */
export function formatSide(c: SideChange): string {
  return SIDE_KEYS.filter((k) => c[k] !== undefined).map((k) => `${k}:${String(c[k])}`).join(',');
}
