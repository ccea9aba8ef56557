// Interactive approval, as Terraform asks it: only the word "yes" approves.
import { createInterface } from 'node:readline/promises';
import { LicensectlError } from '../errors/index.js';

export async function confirmApply(autoApprove: boolean): Promise<boolean> {
  if (autoApprove) return true;
  if (!process.stdin.isTTY) {
    throw new LicensectlError('APPROVAL_REQUIRED', 'apply needs approval, and there is no terminal to ask on', {
      hint: 'pass --auto-approve, or apply a saved plan: licensectl plan --out plan.json && licensectl apply plan.json',
    });
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question('Apply these changes? (yes/no) ')).trim() === 'yes';
  } finally {
    rl.close();
  }
}
