import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LOGIN_KEY, PayloadCodec, clonePayload, emptyPayload, unwrapFromCache, wrapForCache, type SessionPayload } from '../../src/sim/laravel/payload';

describe('session payload', () => {
  it('serializes like PHP, with the web guard login key', () => {
    const codec = new PayloadCodec();
    const p = { ...emptyPayload('T'.repeat(40)), userId: 42, previousUrl: 'http://localhost/dashboard' };
    const text = codec.encode("id", p);
    expect(text).toBe(
      `a:4:{s:6:"_token";s:40:"${'T'.repeat(40)}";s:9:"_previous";a:1:{s:3:"url";s:26:"http://localhost/dashboard";}` +
      `s:6:"_flash";a:2:{s:3:"old";a:0:{}s:3:"new";a:0:{}}s:50:"${LOGIN_KEY}";i:42;}`,
    );
  });

  it('decodes what it wrote, and also a payload it never saw (typed into redis-cli)', () => {
    const p = { ...emptyPayload('a'.repeat(40)), userId: 7, cart: [3, 9], status: 'Added to cart', flashOld: ['status'] };
    const text = new PayloadCodec().encode("id", p);
    expect(new PayloadCodec().decode("id", text)).toEqual(p); // a fresh codec: really parsed
    expect(new PayloadCodec().decode("id", "not php")).toBeNull();
  });

  it('returns copies, so a request cannot change what the store holds', () => {
    const codec = new PayloadCodec();
    const text = codec.encode("id", emptyPayload('b'.repeat(40)));
    const copy = codec.decode("id", text)!;
    copy.cart = [1];
    copy.userId = 3;
    expect(codec.decode("id", text)).toMatchObject({ cart: [], userId: null });
    // The copies share the arrays, which are never changed in place (the empty one is frozen).
    expect(() => (copy.flashNew as string[]).push('status')).toThrow(TypeError);
  });

  it('wraps a freshly serialized payload with its byte length, non-ASCII included', () => {
    const text = new PayloadCodec().encode('id', { ...emptyPayload('c'.repeat(40)), status: 'Commande passée', cart: [1, 2] });
    expect(wrapForCache(text)).toBe(`s:${new TextEncoder().encode(text).length}:"${text}";`);
    expect(new TextEncoder().encode(text).length).toBe(text.length + 1);
  });

  it('wraps for the cache layer as s:N:"…"; (byte length)', () => {
    expect(wrapForCache('a:0:{}')).toBe('s:6:"a:0:{}";');
    expect(wrapForCache('é')).toBe('s:2:"é";');
    expect(unwrapFromCache('s:6:"a:0:{}";')).toBe('a:0:{}');
    expect(unwrapFromCache('garbage')).toBeNull();
  });
});

/** The session array as Laravel holds it in PHP, keys in its insertion order (what php-serialize is given). */
function phpArrayOf(p: SessionPayload): Record<string, unknown> {
  const php: Record<string, unknown> = { _token: p.token };
  if (p.intended !== null) php.url = { intended: p.intended };
  if (p.previousUrl !== null) php._previous = { url: p.previousUrl };
  php._flash = { old: p.flashOld, new: p.flashNew };
  if (p.userId !== null) php[LOGIN_KEY] = p.userId;
  if (p.cart.length) php.cart = p.cart;
  if (p.status !== null) php.status = p.status;
  return php;
}

describe('serializePayload', () => {
  it('matches php-serialize on every shape the app writes', async () => {
    const { serialize } = await import('php-serialize');
    const { serializePayload } = await import('../../src/sim/laravel/payload');
    const shapes = [
      emptyPayload('a'.repeat(40)),
      { ...emptyPayload('b'.repeat(40)), userId: 12, previousUrl: 'http://localhost/orders', intended: '/profile' },
      { ...emptyPayload('c'.repeat(40)), userId: 3, cart: [5, 700001], status: 'Added to cart', flashOld: ['status'], flashNew: ['status'] },
      { ...emptyPayload('d'.repeat(40)), previousUrl: 'http://localhost/ünïcode' },
    ];
    for (const p of shapes) {
      const php = phpArrayOf(p);
      expect(serializePayload(p)).toBe(serialize(php));
    }
  });

  it('matches php-serialize on any payload: long and non-ASCII strings, carts and lists past the precomputed pieces', async () => {
    const { serialize } = await import('php-serialize');
    const { serializePayload } = await import('../../src/sim/laravel/payload');
    const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ minLength: 250, maxLength: 400, unit: 'binary' }));
    const payload = fc.record({
      token: text, previousUrl: fc.option(text), intended: fc.option(text), userId: fc.option(fc.nat()),
      cart: fc.oneof(fc.array(fc.nat(), { maxLength: 5 }), fc.array(fc.nat(), { minLength: 255, maxLength: 300 })),
      status: fc.option(text), flashNew: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), flashOld: fc.array(text, { maxLength: 3 }),
    });
    fc.assert(fc.property(payload, (p) => {
      const php = phpArrayOf(p);
      expect(serializePayload(p)).toBe(serialize(php));
    }), { numRuns: 150 });
  });

  it('writes the very same text again for an unchanged payload, and a new one when anything changed', () => {
    const codec = new PayloadCodec();
    const p = { ...emptyPayload('t'.repeat(40)), userId: 7, cart: [1, 2] };
    const first = codec.encode('id', p);
    const again = codec.encode('id', clonePayload(p));
    expect(again).toBe(first);
    const changed = { ...clonePayload(p), cart: [1, 2, 3] };
    expect(codec.encode('id', changed)).not.toBe(first);
    expect(codec.decode('id', codec.encode('id', changed))).toEqual(changed);
    expect(codec.encode('id', { ...clonePayload(changed), flashOld: ['status'] })).toContain('s:3:"old";a:1:{i:0;s:6:"status";}');
  });

  it('a cart growing one item a request, past 9, 99 and the precomputed pieces, writes exactly what PHP would each time', async () => {
    const { serialize } = await import('php-serialize');
    const codec = new PayloadCodec();
    let p: SessionPayload = { ...emptyPayload('a'.repeat(40)), userId: 3 };
    for (let i = 0; i < 300; i++) {
      p = { ...clonePayload(p), cart: [...p.cart, (i * 7919) % 1_000_000] };
      expect(codec.encode('id', p)).toBe(serialize(phpArrayOf(p)));
    }
  });

  it('a session written again and again (its cart text reused while the cart is the same) still writes exactly what PHP would', async () => {
    const { serialize } = await import('php-serialize');
    const step = fc.record({
      token: fc.option(fc.constantFrom('t'.repeat(40), 'ü'.repeat(20), 'x')), // null: keep
      userId: fc.option(fc.option(fc.nat(99))),
      cart: fc.constantFrom('keep', 'same items, new array', 'add', 'empty'),
      previousUrl: fc.option(fc.constantFrom('http://localhost/orders', 'http://localhost/ünï', 'http://localhost/profile')),
      status: fc.option(fc.constantFrom('Added to cart', 'é')),
      intended: fc.option(fc.constantFrom('/orders', '/ü')),
      flashOld: fc.constantFrom([], ['status'], ['status', 'é']),
      flashNew: fc.constantFrom([], ['status']),
    });
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
      const codec = new PayloadCodec();
      let p = emptyPayload('a'.repeat(40));
      for (const s of steps) {
        p = clonePayload(p);
        if (s.token !== null) p.token = s.token;
        if (s.userId !== null) p.userId = s.userId;
        if (s.cart === 'same items, new array') p.cart = [...p.cart];
        if (s.cart === 'add') p.cart = [...p.cart, p.cart.length * 7];
        if (s.cart === 'empty') p.cart = [];
        p.previousUrl = s.previousUrl;
        p.status = s.status;
        p.intended = s.intended;
        p.flashOld = s.flashOld;
        p.flashNew = s.flashNew;
        const text = codec.encode('id', p);
        const php = phpArrayOf(p);
        expect(text).toBe(serialize(php));
        expect(wrapForCache(text)).toBe(`s:${new TextEncoder().encode(text).length}:"${text}";`);
      }
    }), { numRuns: 200 });
  });
});
