// Runs the built CLI on a pseudo-terminal (util-linux `script`), so that it asks as it would ask a person, and
// answers its first question with `answer` (bytes as typed: "no\n", "\x04" for Ctrl+D).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { cleanEnv, ROOT } from './cli.js';

export async function runInTerminal(args: readonly string[], answer: string): Promise<{ status: number | null; output: string }> {
  const command = [process.execPath, path.join(ROOT, 'bin/run.js'), ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: cleanEnv() });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('(yes/no)') && !child.stdin.writableEnded) child.stdin.end(answer);
  });
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { status, output };
}
