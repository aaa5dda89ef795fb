import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_POLICY_FILE, actionPolicyStartupProblems, loadActionPolicy } from './actionPolicy';

const dirs: string[] = [];
function nextDir(content?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-policy-'));
  dirs.push(dir);
  if (content !== undefined) writeFileSync(join(dir, ACTION_POLICY_FILE), content);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const valid = JSON.stringify({ version: 1, actions: { aa11: { action: 'lib/actions/x.ts#change', mutates: true } } });

describe('the action policy of a production build', () => {
  it('is read and answers which actions mutate', () => {
    const r = loadActionPolicy(nextDir(valid));
    if (!('policy' in r)) throw new Error(r.problem);
    expect(r.policy.mutates('aa11')).toBe(true);
    expect(r.policy.mutates('zz99')).toBeUndefined();
  });

  it('says why it cannot be used: missing, not JSON, not a policy', () => {
    expect(loadActionPolicy(nextDir())).toEqual({
      problem: expect.stringMatching(/cannot read .*ENOENT.*npm run build/),
    });
    expect(loadActionPolicy(nextDir('{oops'))).toEqual({ problem: expect.stringContaining('is not valid JSON') });
    expect(loadActionPolicy(nextDir('{"version":2,"actions":{}}'))).toEqual({
      problem: expect.stringContaining('is not an action policy'),
    });
  });

  it('stops a production server without it (the viewers’ 403 must never silently turn off)', () => {
    const missing = nextDir();
    expect(actionPolicyStartupProblems({ NODE_ENV: 'production' }, missing)).toEqual([
      expect.stringContaining(ACTION_POLICY_FILE),
    ]);
    expect(actionPolicyStartupProblems({ NODE_ENV: 'production' }, nextDir(valid))).toEqual([]);
    // `next dev` has no policy (action ids differ there); runAction still refuses viewers.
    expect(actionPolicyStartupProblems({ NODE_ENV: 'development' }, missing)).toEqual([]);
  });
});
