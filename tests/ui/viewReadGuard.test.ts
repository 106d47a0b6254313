/**
 * Views outside src/ui/state read the simulation through its read API (src/sim/read.ts), never
 * its `world`: eslint.config.js forbids it. This checks the rule itself catches a view that does.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const RULE = 'no-restricted-syntax';

async function worldErrors(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint();
  const [res] = await eslint.lintText(code, { filePath });
  return res!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('the view read guard', () => {
  const ts = 'export const redisOf = (sim: { world: { redis: unknown } }) => sim.world.redis;\n';

  it('rejects `.world` in a view script, naming the read API', async () => {
    const got = await worldErrors(ts, 'src/ui/consoles/example.svelte.ts');
    expect(got).toHaveLength(1);
    expect(got[0]).toContain('src/sim/read.ts');
  });

  it('rejects `.world` and a destructured `world` in a component', async () => {
    const svelte = '<script lang="ts">\n  let { sim }: { sim: { world: { now: number } } } = $props();\n  const { world } = sim;\n</script>\n<p>{sim.world.now} {world.now}</p>\n';
    expect(await worldErrors(svelte, 'src/ui/stage/Example.svelte')).toHaveLength(2);
  });

  it('lets the runner and its snapshots (src/ui/state) read the world', async () => {
    expect(await worldErrors(ts, 'src/ui/state/example.ts')).toEqual([]);
  });
});
