/**
 * Reads the root Dockerfile so that tests start the server exactly as the image does (same working
 * directory inside the build output, same CMD, same ENV) and can check its facts. A small parser for
 * the instructions the Dockerfile uses (FROM/ARG/WORKDIR/ENV/COPY/RUN/USER/EXPOSE/HEALTHCHECK/CMD),
 * with line continuations and the JSON (exec) form.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** One instruction: upper-case op and the raw argument text. */
export interface Instruction {
  op: string;
  args: string;
}

/** One build stage. */
export interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Instructions grouped by stage, plus the ARGs before the first FROM. */
export function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (current === '' && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push((current + line).trim());
    current = '';
  }
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const l of logical) {
    const m = /^(\w+)\s+([\s\S]*)$/.exec(l);
    if (!m) continue;
    const op = (m[1] ?? '').toUpperCase();
    const rest = (m[2] ?? '').trim();
    if (op === 'FROM') {
      const fm = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
      const from = (fm?.[1] ?? rest).replace(/^\$\{(\w+)\}$/, (_, k: string) => args[k] ?? '');
      stages.push({ from, ...(fm?.[2] ? { name: fm[2] } : {}), instructions: [] });
    } else if (stages.length === 0 && op === 'ARG') {
      const [k, v] = rest.split('=');
      if (k) args[k] = v ?? '';
    } else {
      stages.at(-1)?.instructions.push({ op, args: rest });
    }
  }
  return { args, stages };
}

/** The exec-form words of a `["a", "b"]` argument (throws for the shell form: the image must not need a shell). */
export function execForm(arg: string): string[] {
  const json = arg.slice(arg.indexOf('['));
  const words: unknown = JSON.parse(json);
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string'))
    throw new Error(`not an exec-form array: ${arg}`);
  return words;
}

/** `K=V K2=V2` pairs of an ENV instruction. */
export function envPairs(arg: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of arg.matchAll(/(\w+)=("[^"]*"|\S+)/g)) out[m[1] ?? ''] = (m[2] ?? '').replace(/^"|"$/g, '');
  return out;
}

/** How the image runs its server. */
export interface ImageStart {
  /** Directory of the build output the final stage copies into its WORKDIR, relative to the repository. */
  standaloneDir: string;
  workdir: string;
  command: string[];
  env: Record<string, string>;
  healthcheck: string[];
  user: string | undefined;
  exposed: string[];
}

/** Reads how the final stage of `text` starts the server. */
export function imageStart(text: string): ImageStart {
  const { stages } = parseDockerfile(text);
  const final = stages.at(-1);
  if (!final) throw new Error('Dockerfile has no stage');
  const all = (op: string) => final.instructions.filter((i) => i.op === op);
  const last = (op: string) => all(op).at(-1)?.args;
  const copy = all('COPY').find((c) => c.args.startsWith('--from='));
  const cm = copy ? /^--from=(\S+)\s+(\S+)\s+(\S+)$/.exec(copy.args) : null;
  const source = stages.find((s) => s.name === cm?.[1]);
  const sourceWorkdir = source?.instructions.filter((i) => i.op === 'WORKDIR').at(-1)?.args ?? '/';
  if (!cm?.[2]) throw new Error('the final stage copies no build output (COPY --from=<stage> <dir> ./)');
  const healthcheck = last('HEALTHCHECK') ?? '';
  return {
    standaloneDir: posix.relative(sourceWorkdir, cm[2]),
    workdir: last('WORKDIR') ?? '/',
    command: execForm(last('CMD') ?? '[]'),
    env: Object.assign({}, ...all('ENV').map((e) => envPairs(e.args))) as Record<string, string>,
    healthcheck: healthcheck.includes('CMD') ? execForm(healthcheck.slice(healthcheck.indexOf('CMD') + 3)) : [],
    user: last('USER'),
    exposed: all('EXPOSE').flatMap((e) => e.args.split(/\s+/)),
  };
}

/** `imageStart` of the repository's Dockerfile. */
export function repoImageStart(root = process.cwd()): ImageStart {
  return imageStart(readFileSync(join(root, 'Dockerfile'), 'utf8'));
}
