import { describe, expect, it } from 'vitest';
import { toPublicError } from './publicError';

const accounts = [
  {
    accountId: '222222222222',
    name: 'payments',
    regions: ['us-east-1'],
    roleArn: 'arn:aws:iam::222222222222:role/TrellisOperator',
    externalId: 'trellis-demo',
  },
];

describe('toPublicError', () => {
  it('keeps the AWS words but not role ARNs, session ARNs or ExternalIds', () => {
    const e = toPublicError(
      {
        code: 'ACCESS_DENIED',
        message:
          'AssumeRole of arn:aws:iam::222222222222:role/TrellisOperator failed: AccessDenied: ' +
          'User: arn:aws:sts::111111111111:assumed-role/trellis-task/trellis-alice@example.com ' +
          'is not authorized to perform: sts:AssumeRole (external id trellis-demo)',
        retryable: false,
        resource: 'arn:aws:iam::222222222222:role/TrellisOperator',
        account: '222222222222',
        requestId: 'r-1',
      },
      accounts,
    );
    expect(e).toEqual({
      code: 'ACCESS_DENIED',
      message:
        "AssumeRole of the console's role in account 222222222222 failed: AccessDenied: " +
        "User: the console's session in account 111111111111 is not authorized to perform: " +
        'sts:AssumeRole (external id [external id])',
      retryable: false,
      resource: "the console's role in account 222222222222",
      account: '222222222222',
      requestId: 'r-1',
    });
  });

  it('leaves other resources alone', () => {
    const info = {
      code: 'NOT_FOUND' as const,
      message: 'rule-0123456789abcdefg not found',
      retryable: false,
      resource: 'arn:aws:vpc-lattice:us-east-1:222222222222:service/svc-0123456789abcdefg',
    };
    expect(toPublicError(info, accounts)).toEqual(info);
  });
});
