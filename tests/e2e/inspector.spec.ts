/**
 * The inspector tells a user's story, not only their cookies: when a phone moved to another
 * network, the address change sits between its requests (lesson 4: under ip_hash the cause of
 * a logout the requests alone do not show).
 */
import { expect, test } from '@playwright/test';
import { runLinkUrl } from '../../src/run/link';
import { replayTo } from '../../src/run/replay';
import type { RunLog } from '../../src/run/runLog';
import type { TraceRecord } from '../../src/sim/types';
import { clock } from '../../src/ui/format';
import { DEFAULT_CONFIG, settingsFor } from '../../src/ui/state/config';
import { watchErrors } from './helpers';

test('a phone that changed network: the inspector shows the address change between its requests', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  const run: RunLog = { settings: settingsFor({ ...DEFAULT_CONFIG, clients: 'mobile', strategy: 'ip-hash', users: 30 }), interventions: [] };
  // The engine finds the first request sent from a new address, and the moment just after it.
  const sim = (await replayTo(run, 600_000, { traceLimit: 1_000_000 }))!;
  const records = sim.world.trace.records();
  sim.dispose();
  const last = new Map<number, TraceRecord>();
  let moved: { before: TraceRecord; after: TraceRecord } | null = null;
  for (const r of records) {
    const before = last.get(r.user);
    if (before && before.ip !== r.ip) {
      moved = { before, after: r };
      break;
    }
    last.set(r.user, r);
  }
  expect(moved, 'a mobile user changes address within 10 minutes').not.toBeNull();
  const { before, after } = moved!;
  const atMs = Math.ceil((after.t + 1500) / 1000) * 1000; // its answer is back, few requests later

  await page.goto(runLinkUrl(`${baseURL}/`, { run, atMs }));
  await expect(page.getByLabel('Virtual clock')).toHaveText(clock(atMs));
  await page.getByLabel('User #').fill(String(after.user));
  await page.getByRole('button', { name: 'Inspect', exact: true }).click();
  const list = page.getByRole('region', { name: `User ${after.user}` }).getByRole('list', { name: `Recent requests of user ${after.user}` });
  await expect(list).toContainText(`address changed: ${before.ip} → ${after.ip}`);
  // The line sits at the moment of the first request from the new address.
  await expect(list.getByRole('listitem').filter({ hasText: 'address changed' })).toContainText(clock(after.t));
  expect(errors).toEqual([]);
});
