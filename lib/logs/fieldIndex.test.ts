import { describe, expect, it } from 'vitest';
import { compileQuery } from '../../emulator/logs/insights';
import { defaultFilters, type LogFilters } from './filters';
import { indexFilterFor, INDEX_POLICY_DOCUMENT, withFieldIndex } from './fieldIndex';
import { panelQuery } from './panelTable';
import { printQuery } from './query';

const SVC = 'arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0';
const TG = 'arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0';
const ALL = new Set(['serviceArn', 'targetGroupArn', 'responseCode']);
const filters = (include: LogFilters['include']): LogFilters => ({ ...defaultFilters(), include });

describe('indexFilterFor', () => {
  it('uses the narrowest node filter whose field every group indexes', () => {
    expect(indexFilterFor(filters({ service: [SVC] }), ALL)).toEqual({ field: 'serviceArn', values: [SVC] });
    expect(indexFilterFor(filters({ service: [SVC], targetGroup: [TG] }), ALL)).toEqual({
      field: 'targetGroupArn',
      values: [TG],
    });
    expect(indexFilterFor(filters({ service: [SVC], targetGroup: [TG] }), new Set(['serviceArn']))).toEqual({
      field: 'serviceArn',
      values: [SVC],
    });
    expect(indexFilterFor(filters({ code: ['503', '504'] }), ALL)).toEqual({
      field: 'responseCode',
      values: [503, 504],
    });
  });

  it('uses none without an index on the field, for ranges, or without a node filter', () => {
    expect(indexFilterFor(filters({ service: [SVC] }), new Set())).toBeUndefined();
    expect(indexFilterFor(filters({ code: ['5xx'] }), ALL)).toBeUndefined();
    expect(indexFilterFor(filters({ user: ['alice'] }), ALL)).toBeUndefined();
  });

  it('prints a filterIndex the engine accepts, escaping values like any other literal', () => {
    const hostile = 'x" | stats count(*) by resolvedUser #';
    const q = withFieldIndex(
      panelQuery('latency', filters({ service: [hostile] }), '1m'),
      filters({ service: [hostile] }),
      ALL,
    );
    const text = printQuery(q);
    expect(text.split('\n')[0]).toBe('filterIndex serviceArn = "x\\" | stats count(*) by resolvedUser #"');
    expect(() => compileQuery(text)).not.toThrow();
    const two = printQuery(
      withFieldIndex(panelQuery('histogram', defaultFilters(), '1m'), filters({ code: ['500', '503'] }), ALL),
    );
    expect(two.split('\n')[0]).toBe('filterIndex responseCode in [500, 503]');
    expect(() => compileQuery(two)).not.toThrow();
    expect(JSON.parse(INDEX_POLICY_DOCUMENT)).toEqual({ Fields: ['serviceArn', 'targetGroupArn', 'responseCode'] });
  });
});
