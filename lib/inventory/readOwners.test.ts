/**
 * Integration: owners in the crawl of the emulator's demo world. The expected owners come from the
 * tags the emulator holds (read with the SDK as each owner account), not from hard-coded names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAccounts } from '../aws/accounts';
import { childOwner, ownerFromTags } from '../domain/owner';
import type { Snapshot } from '../domain/snapshot';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { tagsOf as rawTags } from '../../testing/rawAws';
import { crawl } from './crawl';
import { mergeSegments } from './merge';

let app: AppHarness;
let snap: Snapshot;

const tagsOf = (arn: string, accountId: string) => rawTags(app.h, arn, accountId);

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo' });
  const factory = app.factory();
  const accounts = await listAccounts(factory);
  const targets = accounts.flatMap((account) => account.regions.map((region) => ({ account, region })));
  snap = mergeSegments(accounts, (await crawl(factory, targets, { user: 'alice' })).segments);
});
afterAll(async () => {
  await app.close();
});

describe('owners in the snapshot (demo)', () => {
  it('gives every service and target group the owner its tags name, and only those', async () => {
    expect(snap.problems).toEqual([]);
    const owned = [...snap.services, ...snap.targetGroups].filter((r) => r.owner);
    expect(owned.map((r) => r.owner?.kind).sort()).toEqual(
      expect.arrayContaining(['cloudformation', 'cloudformation', 'cloudformation', 'eks', 'eks', 'eks']),
    );
    for (const r of [...snap.services, ...snap.targetGroups])
      expect(r.owner, r.arn).toEqual(ownerFromTags(await tagsOf(r.arn, r.accountId)));
  });

  it('gives the listeners and rules of an EKS service the controller, and a stack’s its own tags', async () => {
    const serviceOwner = new Map(snap.services.map((s) => [s.arn, s.owner]));
    const children = [...snap.listeners, ...snap.rules];
    const eksChildren = children.filter((c) => serviceOwner.get(c.serviceArn)?.kind === 'eks');
    expect(eksChildren.length).toBeGreaterThan(0);
    for (const c of eksChildren) expect(c.owner).toEqual(serviceOwner.get(c.serviceArn));
    const stackChildren = children.filter(
      (c) => serviceOwner.get(c.serviceArn)?.kind === 'cloudformation' && !('isDefault' in c && c.isDefault),
    );
    expect(stackChildren.length).toBeGreaterThan(0);
    for (const c of stackChildren) {
      const own = ownerFromTags(await tagsOf(c.arn, c.accountId));
      expect(own?.kind).toBe('cloudformation');
      expect(c.owner).toEqual(childOwner(own, serviceOwner.get(c.serviceArn)));
    }
  });

  it('names no owner where the tags name none', () => {
    const unowned = snap.services.filter((s) => !s.owner);
    expect(unowned.length).toBeGreaterThan(0);
    const arns = new Set(unowned.map((s) => s.arn));
    for (const c of [...snap.listeners, ...snap.rules].filter((x) => arns.has(x.serviceArn)))
      expect(c.owner).toBeUndefined();
  });
});
