/** Runs the test ALB key server for Playwright (`ALB_KEYS_PORT`); stops on SIGTERM/SIGINT. */
import { startAlbKeyServer } from './albKeyServer';

const port = Number(process.env.ALB_KEYS_PORT ?? 4598);
const server = await startAlbKeyServer({ port });
process.stdout.write(`ALB key server on ${server.url} (kid ${server.kid})\n`);
for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  process.on(sig, () => {
    void server.close().then(() => process.exit(0));
  });
}
