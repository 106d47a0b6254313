/**
 * The allowed values of each `start` key (and `ask.setting`/`solution.settings`), read from the
 * schema itself, so docs/writing-lessons.md's table is checked against it (tests/lessons/docs.test.ts)
 * and cannot drift: `driver` → "`file`, `redis`, `cookie`, `array`", `nodes` → "whole number 1–8".
 */
import { z } from 'zod';
import { StartSchema } from './schema';

/** One row of the table: the key and its allowed values in words (markdown). */
export interface FieldValues {
  key: string;
  values: string;
}

function describe(schema: z.ZodType): string {
  if (schema instanceof z.ZodOptional) return describe(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodEnum) return schema.options.map((o) => `\`${String(o)}\``).join(', ');
  if (schema instanceof z.ZodBoolean) return '`true`, `false`';
  if (schema instanceof z.ZodNumber) {
    const step = schema.isInt ? 1 : Number.EPSILON;
    let lo = schema.minValue ?? -Infinity;
    if (Number.isFinite(lo) && !schema.safeParse(lo).success) lo += step; // an exclusive minimum (`positive()`)
    const hi = schema.maxValue ?? Infinity;
    const kind = schema.isInt ? 'whole number' : 'number';
    return hi >= Number.MAX_SAFE_INTEGER ? `${kind} ≥ ${lo}` : `${kind} ${lo}–${hi}`;
  }
  return 'see the schema';
}

/** Every `start` key with its allowed values, in the schema's order. */
export function startFieldValues(): FieldValues[] {
  return Object.entries(StartSchema.shape).map(([key, schema]) => ({ key, values: describe(schema as z.ZodType) }));
}
