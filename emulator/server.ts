/**
 * The emulator's HTTP server: one port for VPC Lattice (restJson1), CloudWatch Logs (awsJson1.1),
 * STS (awsQuery) and the control API under /_emulator/. A request's service is the signing name of
 * its SigV4 credential scope; its account is the account of the signing key.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsError } from './core/awsError';
import { systemClock, type Clock } from './core/clock';
import { flattenHeaders, readBody, type RawRequest, type RawResponse } from './core/http';
import { renderJsonError, renderQueryError, renderRestJsonError } from './core/protocolErrors';
import type { CallContext, ServiceModule } from './core/service';
import { readSignature } from './core/sigv4';
import { handleControl } from './control';
import { services } from './services';
import type { EmulatorState } from './state';
import { buildScenario } from './scenarios';

/** How to start an emulator. */
export interface EmulatorOptions {
  port?: number;
  host?: string;
  scenario?: string;
  seed?: number;
  clock?: Clock;
  /** Scenario parameters (e.g. fleet size). */
  params?: Record<string, unknown>;
  /** A saved state to load instead of building the scenario. */
  state?: EmulatorState;
  /** Logs one line per request to stderr. */
  verbose?: boolean;
}

/** A running emulator. */
export interface RunningEmulator {
  url: string;
  port: number;
  /** The current world; replaced by `reset`. */
  readonly state: EmulatorState;
  /** Replaces the world with a fresh scenario. */
  reset(scenario: string, seed: number, params?: Record<string, unknown>, clock?: Clock): Promise<EmulatorState>;
  /** Replaces the world with a given one (e.g. loaded from a file). */
  replace(state: EmulatorState): void;
  close(): Promise<void>;
}

/** The emulator's mutable core: current state plus what the control API may change. */
export interface EmulatorHost {
  state: EmulatorState;
  clock: Clock;
  reset(scenario: string, seed: number, params?: Record<string, unknown>, clock?: Clock): Promise<EmulatorState>;
  replace(state: EmulatorState): void;
}

function guessProtocol(req: RawRequest): (err: AwsError, id: string) => RawResponse {
  if (req.headers['x-amz-target']) return renderJsonError;
  if ((req.headers['content-type'] ?? '').includes('x-www-form-urlencoded')) return renderQueryError;
  return renderRestJsonError;
}

async function dispatch(host: EmulatorHost, req: RawRequest, verbose: boolean): Promise<RawResponse> {
  const requestId = randomUUID();
  const sig = readSignature(req);
  const service: ServiceModule | undefined = sig ? services.find((s) => s.signingName === sig.service) : undefined;
  const render = service ? service.renderError : guessProtocol(req);
  try {
    if (!sig) throw new AwsError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token');
    if (!service)
      throw new AwsError(
        'UnknownServiceException',
        400,
        `The emulator does not serve the service '${sig.service}' (it serves ` +
          `${services.map((s) => s.signingName).join(', ')})`,
      );
    const state = host.state;
    // Bring simulated traffic up to the clock first, so reads see it and changes apply from now on.
    state.sync();
    const now = state.clock.now();
    const principal = state.iam.resolve(sig.accessKeyId, sig.sessionToken, now);
    const call = service.parse(req);
    const refused = state.iam.refusal(principal, service.signingName, call.operation);
    if (refused) throw refused;
    const roleArn = call.operation === 'AssumeRole' ? call.input.RoleArn : undefined;
    const targetAccount = typeof roleArn === 'string' ? /^arn:[^:]+:iam::(\d{12}):/.exec(roleArn)?.[1] : undefined;
    const decision = state.faults.decide(
      {
        account: principal.accountId,
        service: service.signingName,
        operation: call.operation,
        ...(targetAccount ? { targetAccount } : {}),
      },
      now,
    );
    if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
    if (decision.throttle) {
      const err = service.throttled(decision.throttle.retryAfterSeconds);
      throw err;
    }
    if (decision.fail) throw service.errorFor(decision.fail.code ?? 'InternalServerException', decision.fail.message);
    const ctx: CallContext = {
      accountId: principal.accountId,
      region: sig.region,
      principal,
      requestId,
      now: state.clock.now(),
    };
    const res = await service.handle(state, ctx, call);
    if (verbose)
      process.stderr.write(
        `${req.method} ${req.path} ${service.signingName}:${call.operation} ${principal.accountId} → ${res.status}\n`,
      );
    return { ...res, headers: { 'x-amzn-requestid': requestId, ...res.headers } };
  } catch (e) {
    if (e instanceof AwsError) {
      if (verbose) process.stderr.write(`${req.method} ${req.path} → ${e.status} ${e.code}: ${e.message}\n`);
      return render(e, requestId);
    }
    // A bug in the emulator: answer as AWS answers an internal failure, keep the stack on our side.
    process.stderr.write(`emulator internal error on ${req.method} ${req.path}: ${(e as Error).stack ?? String(e)}\n`);
    return render(
      new AwsError(
        service?.protocol === 'awsQuery' ? 'InternalFailure' : 'InternalServerException',
        500,
        'An internal error occurred in the emulator',
      ),
      requestId,
    );
  }
}

function write(res: ServerResponse, r: RawResponse): void {
  const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  res.writeHead(r.status, { ...r.headers, 'content-length': String(body.length), date: new Date().toUTCString() });
  res.end(body);
}

async function onRequest(
  host: EmulatorHost,
  req: IncomingMessage,
  res: ServerResponse,
  verbose: boolean,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
  const raw: RawRequest = {
    method: req.method ?? 'GET',
    path: rawPath,
    query: url.searchParams,
    headers: flattenHeaders(req),
    body: Buffer.alloc(0),
  };
  try {
    raw.body = await readBody(req);
  } catch (e) {
    const err =
      e instanceof AwsError ? e : new AwsError('SerializationException', 400, 'Could not read the request body');
    return write(res, guessProtocol(raw)(err, randomUUID()));
  }
  if (rawPath.startsWith('/_emulator/') || rawPath === '/_emulator') return write(res, await handleControl(host, raw));
  write(res, await dispatch(host, raw, verbose));
}

/** Starts an emulator. Port 0 picks a free port. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = opts.clock ?? systemClock;
  const host: EmulatorHost = {
    clock,
    state: opts.state ?? (await buildScenario(opts.scenario ?? 'demo', opts.seed ?? 1, clock, opts.params ?? {})),
    async reset(scenario, seed, params = {}, newClock) {
      if (newClock) host.clock = newClock;
      const next = await buildScenario(scenario, seed, host.clock, params);
      host.replace(next);
      return next;
    },
    replace(state) {
      const old = host.state;
      host.state = state;
      stopWorld(old);
    },
  };
  const server: Server = createServer((req, res) => {
    onRequest(host, req, res, opts.verbose ?? false).catch((e: unknown) => {
      process.stderr.write(`emulator: failed to answer ${req.method} ${req.url}: ${String(e)}\n`);
      if (!res.headersSent) res.destroy();
    });
  });
  // Requests Node cannot even parse (headers over 16 KB, broken request lines) never reach the
  // handler; answer them with an AWS-shaped error instead of Node's bare status line.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      message: tooLarge ? 'Request headers are too large' : 'The request could not be parsed',
    });
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const type = tooLarge ? 'RequestHeaderFieldsTooLargeException' : 'SerializationException';
    socket.end(
      `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\nx-amzn-errortype: ${type}\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4566, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get state() {
      return host.state;
    },
    reset: (s, seed, p, c) => host.reset(s, seed, p, c),
    replace: (s) => host.replace(s),
    close: () =>
      new Promise<void>((resolve) => {
        stopWorld(host.state);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Stops the background work of a world (traffic timers) when it is replaced or the server stops. */
function stopWorld(state: EmulatorState): void {
  state.stop();
}
