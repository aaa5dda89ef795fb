/** TRELLIS_ACCOUNTS with a read role and a write role per account (and the legacy single roleArn). */
import { describe, expect, it } from 'vitest';
import { parseAccounts } from './configAccounts';

const noFile = () => {
  throw new Error('no file');
};
const parse = (entries: unknown[]) => parseAccounts(JSON.stringify(entries), 'us-east-1', noFile);
const READ = 'arn:aws:iam::222222222222:role/TrellisReadOnly';
const WRITE = 'arn:aws:iam::222222222222:role/TrellisOperator';

describe('read and write roles', () => {
  it('keeps the two roles apart; the role every call assumes today is the read role, never the write role', () => {
    expect(
      parse([
        { accountId: '222222222222', name: 'payments', readRoleArn: READ, writeRoleArn: WRITE, externalId: 'x1' },
      ]),
    ).toEqual({
      accounts: [
        {
          accountId: '222222222222',
          name: 'payments',
          regions: ['us-east-1'],
          readRoleArn: READ,
          writeRoleArn: WRITE,
          externalId: 'x1',
        },
      ],
    });
  });

  it('makes an account with only a read role read-only, and one with only a write role the base credentials’', () => {
    expect(parse([{ accountId: '222222222222', name: 'p', readRoleArn: READ }])).toEqual({
      accounts: [{ accountId: '222222222222', name: 'p', regions: ['us-east-1'], readRoleArn: READ }],
    });
    // The hub: read with its own credentials, change through a role, so changes carry the user's identity.
    const hubWrite = 'arn:aws:iam::111111111111:role/TrellisOperator';
    expect(parse([{ accountId: '111111111111', name: 'hub', writeRoleArn: hubWrite, externalId: 'x2' }])).toEqual({
      accounts: [
        { accountId: '111111111111', name: 'hub', regions: ['us-east-1'], writeRoleArn: hubWrite, externalId: 'x2' },
      ],
    });
  });

  it('reads the legacy roleArn as one role for both', () => {
    expect(parse([{ accountId: '222222222222', name: 'p', roleArn: WRITE }])).toEqual({
      accounts: [
        {
          accountId: '222222222222',
          name: 'p',
          regions: ['us-east-1'],
          readRoleArn: WRITE,
          writeRoleArn: WRITE,
        },
      ],
    });
  });

  it('refuses mixed forms, a shared read/write role, roles of other accounts and an ExternalId without a role', () => {
    expect(
      parse([
        { accountId: '222222222222', name: 'a', roleArn: WRITE, readRoleArn: READ },
        {
          accountId: '333333333333',
          name: 'b',
          readRoleArn: 'arn:aws:iam::999999999999:role/TrellisReadOnly',
          writeRoleArn: WRITE,
        },
        {
          accountId: '444444444444',
          name: 'c',
          readRoleArn: 'arn:aws:iam::444444444444:role/Same',
          writeRoleArn: 'arn:aws:iam::444444444444:role/Same',
        },
        { accountId: '555555555555', name: 'd', externalId: 'x3' },
        { accountId: '666666666666', name: 'e', writeRoleArn: 'TrellisOperator' },
      ]),
    ).toEqual({
      issues: [
        'TRELLIS_ACCOUNTS: entry 1: roleArn (one role for reads and changes) cannot be combined with ' +
          'readRoleArn/writeRoleArn; use readRoleArn and writeRoleArn',
        'TRELLIS_ACCOUNTS: entry 2: readRoleArn is in account 999999999999 but accountId is 333333333333',
        'TRELLIS_ACCOUNTS: entry 2: writeRoleArn is in account 222222222222 but accountId is 333333333333',
        'TRELLIS_ACCOUNTS: entry 3: readRoleArn and writeRoleArn are the same role; ' +
          'viewers would hold write credentials',
        'TRELLIS_ACCOUNTS: entry 4: externalId needs a readRoleArn or writeRoleArn',
        'TRELLIS_ACCOUNTS: entry 5: writeRoleArn must look like arn:aws:iam::<12 digits>:role/<name>',
      ],
    });
  });
});
