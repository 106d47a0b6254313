/**
 * Size limits on lesson data, checked before the schema so that validation is total: a goal
 * nested 20,000 deep, a list of 200,000 goals or a 50 MB string get one error with its path,
 * never a stack overflow or minutes of work. The walk is iterative (no recursion to overflow)
 * and stops at the first problem. The schema (schema.ts) then bounds each field's own size.
 */

/** How deep any value in a lesson may nest (a lesson is about 6 levels deep; goals add up to 2×{@link MAX_GOAL_DEPTH}). */
export const MAX_NESTING = 24;
/** Values (objects, arrays, strings, numbers…) in one lesson; the largest lesson has about 600. */
export const MAX_VALUES = 20_000;
/** Characters in any one string (narration is bounded tighter by the schema). */
export const MAX_STRING = 20_000;

export interface BoundsProblem {
  path: (string | number)[];
  message: string;
}

/** The first size limit `input` breaks, or null. Never throws, whatever `input` is (cycles included). */
export function checkBounds(input: unknown): BoundsProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  let count = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (++count > MAX_VALUES) return { path: [], message: `too large: more than ${MAX_VALUES.toLocaleString('en')} values in one lesson` };
    if (typeof value === 'string') {
      if (value.length > MAX_STRING) return { path, message: `a string of ${value.length.toLocaleString('en')} characters (at most ${MAX_STRING.toLocaleString('en')})` };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_NESTING) return { path, message: `nested more than ${MAX_NESTING} levels deep` };
    if (Array.isArray(value)) {
      if (value.length > MAX_VALUES) return { path, message: `a list of ${value.length.toLocaleString('en')} entries` };
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i] as unknown, path: [...path, i] });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_VALUES) return { path, message: `an object with ${keys.length.toLocaleString('en')} fields` };
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (value as Record<string, unknown>)[keys[i]!], path: [...path, keys[i]!] });
  }
  return null;
}
