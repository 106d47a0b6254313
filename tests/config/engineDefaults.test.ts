import { describe, expect, it } from 'vitest';
import { DEFAULT_HASH_COOKIE, DEFAULT_STICKY_COOKIE, defaultBalancer, NGINX_STICKY_EXPIRES_MAX } from '../../src/config/balancerDefaults';
import { parseEnv } from '../../src/config/env';
import { printEnv } from '../../src/config/envPrint';
import { parseNginxUpstream } from '../../src/config/nginx';
import { printNginxUpstream } from '../../src/config/nginxPrint';
import { STICKY_EXPIRES_MAX } from '../../src/sim/balancer/stickyCookie';
import { defaultSettings, defaultBalancer as engineDefaultBalancer } from '../../src/sim/settings';

describe('config defaults agree with the engine', () => {
  it('uses the same unused-cookie defaults, nginx redispatch and expires=max sentinel', () => {
    const engine = engineDefaultBalancer();
    expect(DEFAULT_STICKY_COOKIE).toEqual(engine.stickyCookie);
    expect(DEFAULT_HASH_COOKIE).toEqual(engine.hashCookie);
    expect(defaultBalancer('nginx')).toEqual(engine);
    expect(NGINX_STICKY_EXPIRES_MAX).toBe(STICKY_EXPIRES_MAX);
  });

  it("prints the engine's default settings and reads them back unchanged", () => {
    const s = defaultSettings();
    const nginx = parseNginxUpstream(printNginxUpstream(s.balancer, s.nodes));
    expect(nginx.diagnostics).toEqual([]);
    expect(nginx.value?.balancer).toEqual(s.balancer);
    expect(nginx.value?.nodes).toEqual(s.nodes);
    const { onRedisFailure: _f, ...session } = s.session;
    const { maxmemoryBytes: _m, policy: _p, ...redis } = s.redis;
    expect(parseEnv(printEnv(s.session, s.redis))).toEqual({ value: { session, redis }, diagnostics: [] });
  });
});
