import { describe, expect, it } from 'vitest';
import { LaravelApp, type AppRequest, type Handled } from '../../src/sim/laravel/app';
import { PayloadCodec } from '../../src/sim/laravel/payload';
import { Rng } from '../../src/sim/rng';
import { FileSessionDir } from '../../src/sim/session/fileStore';
import type { StoreRequest } from '../../src/sim/session/store';

const ctx: StoreRequest = { now: 0, client: 'test', cookie: () => undefined, queueCookie: () => undefined };

async function request(app: LaravelApp, disk: FileSessionDir, req: Partial<AppRequest>): Promise<Handled> {
  const h = await app.begin({ method: 'GET', path: '/login', sessionId: undefined, csrfToken: null, userId: 1, ...req }, disk, ctx);
  await app.finish(h, disk, ctx);
  return h;
}

function setup() {
  return { app: new LaravelApp(new Rng(1, 'app'), new PayloadCodec()), node1: new FileSessionDir(120 * 60_000), node2: new FileSessionDir(120 * 60_000) };
}

describe('Laravel session semantics', () => {
  it('GET /login starts a session with a 40-char id and token, and renders the token', async () => {
    const { app, node1 } = setup();
    const h = await request(app, node1, {});
    expect(h.id).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(h.response.status).toBe(200);
    expect(h.response.pageToken).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(node1.files.has(h.id)).toBe(true);
  });

  it('POST /login rotates the id, deletes the old record, and regenerates the token', async () => {
    const { app, node1 } = setup();
    const form = await request(app, node1, {});
    const login = await request(app, node1, { method: 'POST', sessionId: form.id, csrfToken: form.response.pageToken });
    expect(login.response).toMatchObject({ status: 302, location: '/dashboard', authenticated: true });
    expect(login.id).not.toBe(form.id);
    expect(node1.files.has(form.id)).toBe(false);
    expect(login.payload.token).not.toBe(form.response.pageToken);
    const page = await request(app, node1, { path: '/orders', sessionId: login.id });
    expect(page.response).toMatchObject({ status: 200, authenticated: true });
  });

  it('the login form posted to another node is 419 Page Expired, and the id is kept with a fresh token', async () => {
    const { app, node1, node2 } = setup();
    const form = await request(app, node1, {});
    const post = await request(app, node2, { method: 'POST', sessionId: form.id, csrfToken: form.response.pageToken });
    expect(post.response.status).toBe(419);
    expect(post.id).toBe(form.id);
    expect(post.payload.token).not.toBe(form.response.pageToken);
    expect(node2.files.has(form.id)).toBe(true); // saved even on 419: the exception is rendered inside the pipeline
  });

  it('an authenticated session unknown to the node answers as a guest: redirect to /login', async () => {
    const { app, node1, node2 } = setup();
    const form = await request(app, node1, {});
    const login = await request(app, node1, { method: 'POST', sessionId: form.id, csrfToken: form.response.pageToken });
    const elsewhere = await request(app, node2, { path: '/dashboard', sessionId: login.id });
    expect(elsewhere.response).toMatchObject({ status: 302, location: '/login', authenticated: false });
    expect(elsewhere.payload.intended).toBe('/dashboard');
  });

  it('a POST with a stale token gets 419 even when logged in', async () => {
    const { app, node1 } = setup();
    const form = await request(app, node1, {});
    const login = await request(app, node1, { method: 'POST', sessionId: form.id, csrfToken: form.response.pageToken });
    const cart = await request(app, node1, { method: 'POST', path: '/cart', sessionId: login.id, csrfToken: form.response.pageToken });
    expect(cart.response.status).toBe(419);
  });

  it('logout invalidates: old record deleted, new id, guest', async () => {
    const { app, node1 } = setup();
    const form = await request(app, node1, {});
    const login = await request(app, node1, { method: 'POST', sessionId: form.id, csrfToken: form.response.pageToken });
    const page = await request(app, node1, { path: '/dashboard', sessionId: login.id });
    const out = await request(app, node1, { method: 'POST', path: '/logout', sessionId: login.id, csrfToken: page.response.pageToken });
    expect(out.response).toMatchObject({ status: 302, location: '/login', authenticated: false });
    expect(node1.files.has(login.id)).toBe(false);
    expect(out.id).not.toBe(login.id);
  });

  it('a flash message lives for exactly the next request', async () => {
    const { app, node1 } = setup();
    const form = await request(app, node1, {});
    const login = await request(app, node1, { method: 'POST', sessionId: form.id, csrfToken: form.response.pageToken });
    const page = await request(app, node1, { path: '/dashboard', sessionId: login.id });
    const cart = await request(app, node1, { method: 'POST', path: '/cart', sessionId: login.id, csrfToken: page.response.pageToken });
    expect(cart.payload.cart).toHaveLength(1);
    // Visible while the next request runs…
    const next = await app.begin({ method: 'GET', path: '/dashboard', sessionId: login.id, csrfToken: null, userId: 1 }, node1, ctx);
    expect(next.payload.status).toBe('Added to cart');
    // …and forgotten when that request saves.
    await app.finish(next, node1, ctx);
    expect(next.payload.status).toBeNull();
    const after = await request(app, node1, { path: '/dashboard', sessionId: login.id });
    expect(after.payload.status).toBeNull();
  });

  it('the file driver ignores files older than the lifetime (sliding)', async () => {
    const disk = new FileSessionDir(2 * 60_000);
    disk.write('x'.repeat(40), 'data', { now: 0 });
    expect(disk.read('x'.repeat(40), { now: 119_000 })).toBe('data');
    expect(disk.read('x'.repeat(40), { now: 121_000 })).toBeNull();
    disk.write('x'.repeat(40), 'data', { now: 121_000 });
    expect(disk.read('x'.repeat(40), { now: 200_000 })).toBe('data');
    expect(disk.gc(400_000)).toBe(1);
  });
});
