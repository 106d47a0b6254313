import { describe, expect, it } from 'vitest';
import { CLONE, CloneError, Cloner, cloneVia, remakeable } from '../../src/sim/graphClone';

class Counter {
  n = 0;
  constructor(readonly name: string) {}
  bump(): number {
    return ++this.n;
  }
}

describe('graphClone: a deep copy that keeps classes, sharing and cycles', () => {
  it('a copy has the same classes, Maps, Sets and typed arrays, and changing one leaves the other alone', () => {
    const shared = new Counter('shared');
    const original = { a: shared, b: shared, m: new Map([['k', shared]]), s: new Set([shared]), bytes: new Uint8Array([1, 2]), list: [1, 'x', { y: 2 }] };
    const copy = new Cloner().clone(original);
    expect(copy.a).toBeInstanceOf(Counter);
    expect(copy.a).not.toBe(shared);
    expect(copy.b).toBe(copy.a);
    expect(copy.m.get('k')).toBe(copy.a);
    expect([...copy.s][0]).toBe(copy.a);
    expect(copy.a.bump()).toBe(1);
    expect(shared.n).toBe(0);
    copy.bytes[0] = 9;
    expect(original.bytes[0]).toBe(1);
    expect(copy.list).toEqual([1, 'x', { y: 2 }]);
    expect(copy.list[2]).not.toBe(original.list[2]);
  });

  it('cycles come out as cycles', () => {
    const a: { self?: unknown; other?: { back?: unknown } } = {};
    a.self = a;
    a.other = { back: a };
    const copy = new Cloner().clone(a);
    expect(copy.self).toBe(copy);
    expect(copy.other!.back).toBe(copy);
  });

  it('frozen values are shared; a class may copy itself', () => {
    const constant = Object.freeze({ k: 1 });
    class Own {
      data = [1, 2];
      [CLONE](c: Cloner): Own {
        return c.copyFields<Own>(this, { data: [0] });
      }
    }
    const copy = new Cloner().clone({ constant, own: new Own() });
    expect(copy.constant).toBe(constant);
    expect(copy.own.data).toEqual([0]);
    expect(copy.own).toBeInstanceOf(Own);
  });

  it('a closure is copied by its recipe, over copies of what it closes over', () => {
    const world = { now: 5 };
    const clock = remakeable((w: { now: number }) => () => w.now, world);
    const copy = new Cloner().clone({ world, clock });
    copy.world.now = 7;
    expect(copy.clock()).toBe(7);
    expect(clock()).toBe(5);
    // The copy's closure has a recipe too: a copy of the copy works the same way.
    const again = new Cloner().clone(copy);
    again.world.now = 9;
    expect(again.clock()).toBe(9);
    expect(copy.clock()).toBe(7);
  });

  it('cloneVia registers any recipe for an object', () => {
    const foreign = cloneVia({ handle: 1 }, (_c, o) => ({ handle: o.handle + 1 }));
    expect(new Cloner().clone({ foreign }).foreign).toEqual({ handle: 2 });
  });

  it('state it cannot copy is an error that says where', () => {
    let hidden = 0;
    const closure = () => ++hidden;
    expect(() => new Cloner().clone({ queue: { heap: [{}, { store: { read: closure } }] } })).toThrow(CloneError);
    expect(() => new Cloner().clone({ queue: { heap: [{}, { store: { read: closure } }] } })).toThrow(/cannot copy queue\.heap\.1\.store\.read: a function \(closure\) without a recipe/);
    expect(() => new Cloner().clone({ pending: new Map([['x', Promise.resolve(1)]]) })).toThrow(/cannot copy pending\.<x>: a Promise cannot be copied/);
  });

  it('seeds replace what must not be copied', () => {
    const listeners = { onRecord: () => undefined };
    const none = {};
    const copy = new Cloner([[listeners, none]]).clone({ listeners, n: 1 });
    expect(copy.listeners).toBe(none);
  });
});
