import { describe, expect, it } from 'vitest';
import type { Owner } from '../domain/owner';
import { ownedRefusal, ownerWarning, serviceOwnerNote } from './ownerWarning';

const eks: Owner = {
  kind: 'eks',
  cluster: 'storefront-eks',
  route: { kind: 'HTTPRoute', namespace: 'shop', name: 'inventory' },
};
const stack: Owner = { kind: 'cloudformation', stackName: 'payments-statements', logicalId: 'V2WeightedRule' };

describe('ownerWarning', () => {
  it('says the controller reverts the change at its next resync and names the route to change instead', () => {
    const w = ownerWarning({ kind: 'rule', owner: eks });
    expect(w).toContain('managed by the EKS Gateway API controller of cluster storefront-eks');
    expect(w).toContain('reverts out-of-band changes at its next resync');
    expect(w).toContain('Change the HTTPRoute `shop/inventory` instead.');
  });

  it('says a new rule beside the controller’s is deleted, and does not invent a route it does not know', () => {
    const w = ownerWarning({ kind: 'newRule', owner: { kind: 'eks', legacy: true } });
    expect(w).toContain('This listener is managed by the EKS Gateway API controller:');
    expect(w).toContain('deletes rules its route does not have');
    expect(w).toContain('Change the Kubernetes route that made it instead.');
  });

  it('calls a change to a stack’s resource drift that the next stack update overwrites', () => {
    const w = ownerWarning({ kind: 'defaultAction', owner: stack });
    expect(w).toContain("This listener's default action was created by CloudFormation stack payments-statements");
    expect(w).toContain('(logical id V2WeightedRule)');
    expect(w).toContain('drift from stack payments-statements; the next stack update overwrites it');
  });

  it('the refusal names every owner and the way out', () => {
    const m = ownedRefusal([
      { kind: 'rule', resourceArn: 'a', owner: eks, inherited: true },
      { kind: 'rule', resourceArn: 'b', owner: stack, inherited: false },
    ]);
    expect(m.startsWith('Not written: ')).toBe(true);
    expect(m).toContain('storefront-eks');
    expect(m).toContain('payments-statements');
    expect(m.endsWith('confirm the override.')).toBe(true);
  });
});

describe('serviceOwnerNote', () => {
  it('names the controller, its cluster and route, and says changes here are reverted', () => {
    const n = serviceOwnerNote(eks);
    expect(n).toContain('Managed by EKS Gateway API controller, cluster storefront-eks, HTTPRoute shop/inventory');
    expect(n).toContain('reverts routing changes made here at its next resync — change the HTTPRoute shop/inventory');
    expect(n).toContain('confirmed override');
  });

  it('calls changes to a stack’s service drift, and names no route it does not know', () => {
    expect(serviceOwnerNote(stack)).toContain('drift from stack payments-statements');
    expect(serviceOwnerNote({ kind: 'eks' })).toContain('change the Kubernetes route instead');
  });
});
