'use client';

import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { AccountData } from '../flowTypes';
import styles from './nodes.module.css';

/** The box of an account around what it owns; an unreachable account says why, in the AWS error's words. */
export const AccountNode = memo(function AccountNode({ data }: NodeProps<Node<AccountData>>) {
  const g = data.group;
  return (
    <div
      className={`${styles.account} ${g.reachable ? '' : styles.accountUnreachable}`}
      style={{ width: data.width, height: data.height }}
      data-testid="account-box"
      data-account={g.accountId}
      data-reachable={g.reachable}
    >
      <div className={styles.accountTitle}>
        <strong>{g.name}</strong>
        <span>{g.accountId}</span>
        {!g.configured ? <span>(not configured: seen through shared resources)</span> : null}
        {!g.reachable ? <span>· unreachable</span> : null}
      </div>
      {!g.reachable && g.error ? (
        <p className={styles.accountError} title={g.error.message}>
          {g.error.awsCode ? `${g.error.awsCode}: ` : ''}
          {g.error.message}
        </p>
      ) : null}
    </div>
  );
});
