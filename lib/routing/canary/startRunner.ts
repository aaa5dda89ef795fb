/**
 * Starts this process's canary runner (called once from instrumentation.ts). A read-only console
 * never moves traffic, so it runs no runner; other replicas (or a writable one) carry plans on.
 */
import 'server-only';
import { awsClients } from '../../aws/clientFactory';
import { getConfig } from '../../config';
import { CanaryRunner } from './runner';

let runner: CanaryRunner | undefined;

/** Starts polling for baking plans every 5 s (idempotent). */
export function startCanaryRunner(): void {
  if (getConfig().readOnly) {
    process.stdout.write('Canary runner: off (TRELLIS_READ_ONLY=true)\n');
    return;
  }
  runner ??= new CanaryRunner({ factory: awsClients() });
  runner.start();
  process.stdout.write(`Canary runner: ${runner.replica} polls for running plans every 5 s\n`);
}
