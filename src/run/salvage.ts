/**
 * Take what is usable from untrusted data: validate an object field by field against a zod
 * object schema, keep the valid fields, fall back to a default for the rest, and say what was
 * ignored and why. A tampered or too-new link opens what it can instead of nothing.
 */
import { z } from 'zod';

export interface Salvaged<T> {
  value: T;
  /** One line per ignored or replaced field: `settings.session.lifetimeMin: … (default kept)`. */
  ignored: string[];
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

function objectOf(schema: z.ZodType): AnyObject | null {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodObject ? (s as AnyObject) : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first issue of a failed parse, as `path: message`. */
export function firstIssue(error: z.ZodError, prefix: string): string {
  const i = error.issues[0];
  if (!i) return `${prefix}: invalid`;
  const path = [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.');
  return `${path}: ${i.message}`;
}

/**
 * `input` validated against `schema`; each invalid field replaced by `fallback`'s. The result
 * always satisfies the schema (the whole fallback is used if the parts do not fit together).
 */
export function salvage<T>(schema: z.ZodType<T>, input: unknown, fallback: T, path: string): Salvaged<T> {
  const whole = schema.safeParse(input);
  if (whole.success) return { value: whole.data, ignored: [] };
  const obj = objectOf(schema);
  if (!obj || !isRecord(input) || !isRecord(fallback)) {
    return { value: fallback, ignored: [`${firstIssue(whole.error, path)} (default kept)`] };
  }
  const ignored: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(obj.shape) as Array<[string, z.ZodType]>) {
    const here = `${path}.${key}`;
    const has = Object.hasOwn(input, key);
    if (!has) {
      if (Object.hasOwn(fallback, key)) out[key] = fallback[key];
      if (!(sub instanceof z.ZodOptional)) ignored.push(`${here}: missing (default kept)`);
      continue;
    }
    const r = salvage(sub, input[key], fallback[key], here);
    ignored.push(...r.ignored);
    if (r.value !== undefined) out[key] = r.value;
  }
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(obj.shape, key)) ignored.push(`${path}.${key}: not known to this version (ignored)`);
  }
  const again = schema.safeParse(out);
  if (again.success) return { value: again.data, ignored };
  return { value: fallback, ignored: [...ignored, `${firstIssue(again.error, path)} (all of ${path} reset to the default)`] };
}
