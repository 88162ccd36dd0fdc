import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { LoadResult, LoadSpec } from './load-run';

type WorkerAnswer = { ok: true; result: LoadResult } | { ok: false; error: string };

/** Forks the load worker, hands it one run, returns its summary. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = fork(join(__dirname, 'load-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const killer = setTimeout(() => worker.kill('SIGKILL'), (spec.durationSeconds + 60) * 1000);
    let answered = false;
    worker.once('message', (answer: WorkerAnswer) => {
      answered = true;
      if (answer.ok) resolve(answer.result);
      else reject(new Error(answer.error));
    });
    worker.once('exit', (code) => {
      clearTimeout(killer);
      if (!answered) reject(new Error(`the load worker exited with ${code} before answering`));
    });
    worker.send(spec);
  });
}
