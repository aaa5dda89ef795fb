/**
 * Crafted server-action calls against the ALB-mode console: a viewer's call of any mutating action
 * is refused with HTTP 403 by the proxy and changes nothing in the emulator; an operator's call
 * passes the gate; reads stay open to viewers; calls from another origin are refused by Next.
 * Generic over the build: one test per action the build contains (Next builds the actions the UI
 * references), classified by the build's action policy (lib/auth/actionPolicy).
 */
import { expect, test } from '@playwright/test';
import { builtActions, callAction } from './support/serverActions';
import { OPERATOR, signedIn, VIEWER } from './support/albUsers';
import { worldFingerprint } from './support/emulatorWorld';
import { e2eServers } from './support/ports';

const actions = builtActions();
const base = e2eServers().albAppUrl;

test('the build classifies every server action it contains', () => {
  // Next only builds actions the UI references; the policy must know each of them.
  expect(actions.filter((a) => a.name.includes('?') || a.name.includes('undefined'))).toEqual([]);
});

for (const a of actions.filter((x) => x.mutates)) {
  test(`a viewer's crafted call of ${a.name} gets 403 and writes nothing; an operator passes the gate`, async ({
    request,
  }) => {
    const before = await worldFingerprint();
    const res = await callAction(request, base, a, [{}], await signedIn(VIEWER));
    expect(res.status()).toBe(403);
    expect(res.headers()['content-type']).toBe('text/plain');
    expect(await res.text()).toBe('Changes need the operator role; Victor Viewer is a viewer.');
    // The same action posted as a form without JavaScript (its id in the body) is refused too.
    const form = await request.post(a.path, {
      headers: { ...(await signedIn(VIEWER)), origin: base },
      multipart: { [`$ACTION_ID_${a.id}`]: '', name: '/form-probe' },
      maxRedirects: 0,
    });
    expect(form.status()).toBe(403);
    expect(await worldFingerprint()).toBe(before);
    // The operator's call reaches the action, which refuses the empty input itself (nothing written either).
    const op = await callAction(request, base, a, [{}], await signedIn(OPERATOR));
    expect(op.status()).toBe(200);
    expect(op.headers()['content-type']).toContain('text/x-component');
    expect(await op.text()).toContain('VALIDATION');
    expect(await worldFingerprint()).toBe(before);
  });
}

for (const a of actions.filter((x) => !x.mutates)) {
  test(`a viewer may call the read action ${a.name}`, async ({ request }) => {
    const res = await callAction(request, base, a, [{}], await signedIn(VIEWER));
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/x-component');
  });
}

for (const a of actions.slice(0, 1)) {
  test(`${a.name} called from another origin is refused, and without a token it is 401`, async ({ request }) => {
    const before = await worldFingerprint();
    const cross = await callAction(request, base, a, [{}], await signedIn(OPERATOR), 'https://evil.example.com');
    expect(cross.status()).toBeGreaterThanOrEqual(400);
    expect(await cross.text()).not.toContain('"ok":true');
    const anon = await callAction(request, base, a, [{}]);
    expect(anon.status()).toBe(401);
    expect(await worldFingerprint()).toBe(before);
  });
}
