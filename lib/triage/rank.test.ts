import { describe, expect, it } from 'vitest';
import { rank } from './rank';
import type { Finding } from './types';

const f = (id: string, severity: Finding['severity'], score: number, onset = '2026-01-05T09:00:00Z'): Finding => ({
  id,
  kind: 'error-rate',
  severity,
  title: id,
  detail: '',
  where: { accountId: '1', region: 'r' },
  onset,
  asOf: onset,
  score,
});

describe('rank', () => {
  it('critical first, then high, then info; by score within a severity, then newest onset', () => {
    const out = rank([
      f('info', 'info', 1000),
      f('high-low', 'high', 1),
      f('crit', 'critical', 0),
      f('high-old', 'high', 5, '2026-01-05T08:00:00Z'),
      f('high-new', 'high', 5, '2026-01-05T09:00:00Z'),
    ]);
    expect(out.map((x) => x.id)).toEqual(['crit', 'high-new', 'high-old', 'high-low', 'info']);
  });
});
