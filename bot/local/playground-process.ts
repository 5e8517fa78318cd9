import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { playgroundConfigYaml } from './playground-config';

/**
 * Runs the Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`) as a child process
 * against a bot endpoint. Shared by `npm start` and the browser tests. The Playground writes its
 * log to `<cwd>/devTools/` when stdout is not a terminal, and falls back to a random port when the
 * asked one is taken, so the real port is read from its "Listening on" line.
 */
export interface PlaygroundProcess {
  readonly port: number;
  /** Where a browser opens it. */
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it printed so far (for error messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  readonly port: number;
  /** Working folder: its devTools/ log and generated config go here. */
  readonly workDir: string;
  readonly startupTimeoutMs?: number;
  /** Extra environment for the child (e.g. LANG). */
  readonly env?: Readonly<Record<string, string>>;
}

const LISTENING = /Listening on (\d+)/;

export function playgroundCli(): string {
  return require.resolve('@microsoft/m365agentsplayground/cli.js');
}

export async function startPlayground(options: StartPlaygroundOptions): Promise<PlaygroundProcess> {
  mkdirSync(options.workDir, { recursive: true });
  const configPath = path.join(options.workDir, '.m365agentsplayground.yml');
  writeFileSync(configPath, playgroundConfigYaml(randomUUID(), randomUUID()));
  const child = spawn(
    process.execPath,
    [playgroundCli(), '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--dt'],
    {
      cwd: options.workDir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`The Agents Playground did not start within ${options.startupTimeoutMs ?? 60000} ms`)),
      options.startupTimeoutMs ?? 60000,
    );
    const fail = (e: Error): void => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new Error(`${e.message}\n${output}`));
    };
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-20000);
      const m = LISTENING.exec(output);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`The Agents Playground exited with code ${code}`)));
  });

  return {
    port,
    url: `http://localhost:${port}`,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}
