import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';

export interface MemorySample {
  /** Resident set size now, in kB. */
  readonly rssKb: number;
  /** Peak resident set size since start or since the last `resetPeak()`, in kB. */
  readonly peakKb: number;
}

export interface ServerSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** e.g. http://127.0.0.1:29610 */
  readonly baseUrl: string;
  readonly readyPath: string;
  /** Keep everything the process prints (for the SQL capture); otherwise only a tail for errors. */
  readonly keepOutput?: boolean;
  readonly startTimeoutMs?: number;
}

const TAIL_CHARS = 16_384;

/** A server the bench starts as a child process (the API or a floor), waits for, samples and stops. */
export class ServerProcess {
  private out = '';

  private constructor(
    readonly spec: ServerSpec,
    private readonly child: ChildProcess,
  ) {
    const collect = (chunk: Buffer): void => {
      this.out += chunk.toString('utf8');
      if (spec.keepOutput !== true && this.out.length > 2 * TAIL_CHARS) this.out = this.out.slice(-TAIL_CHARS);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  }

  static async start(spec: ServerSpec): Promise<ServerProcess> {
    const child = spawn(spec.command, [...spec.args], { env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new ServerProcess(spec, child);
    const deadline = Date.now() + (spec.startTimeoutMs ?? 120_000);
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`${spec.name} exited with ${child.exitCode} while starting:\n${server.output().slice(-4000)}`);
      }
      try {
        const response = await fetch(`${spec.baseUrl}${spec.readyPath}`);
        if (response.ok) return server;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await server.stop();
    throw new Error(`${spec.name} did not become ready:\n${server.output().slice(-4000)}`);
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.spec.name} has no pid`);
    return this.child.pid;
  }

  get baseUrl(): string {
    return this.spec.baseUrl;
  }

  output(): string {
    return this.out;
  }

  /** Length of the output so far: a mark to read what comes after it. */
  mark(): number {
    return this.out.length;
  }

  outputSince(mark: number): string {
    return this.out.slice(mark);
  }

  memory(): MemorySample {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKb: kb('VmRSS'), peakKb: kb('VmHWM') };
  }

  /** Resets VmHWM to the current RSS (Linux `clear_refs` 5), so the next peak is this run's. */
  resetPeak(): boolean {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
