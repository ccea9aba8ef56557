// Paths under --dir whose changes never matter: the emulator's own state (.licensectl/), dot-folders and
// node_modules (never desired state), and the temporary files editors write around a save.
import path from 'node:path';

const EDITOR_TEMP = [
  /\.sw[a-p]x?$/, // vim swap files (.swp, .swo, .swx, …)
  /~$/, // vim/emacs backups
  /^\.#/, // emacs lock files
  /^#.*#$/, // emacs autosaves
  /^4913$/, // vim's write-permission probe
  /\.tmp$/i, // atomic-save temporaries
  /^\.~lock\./, // LibreOffice
];

/** True when a change at `file` (absolute, or relative to `root`) cannot affect the desired state. */
export function isIgnored(root: string, file: string): boolean {
  const relative = path.relative(root, path.resolve(root, file));
  if (relative === '') return false;
  if (relative.startsWith('..')) return true;
  const parts = relative.split(path.sep);
  const name = parts[parts.length - 1]!;
  if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return true;
  return EDITOR_TEMP.some((pattern) => pattern.test(name));
}

/** Files that can hold desired state; other files changing (README.md, …) need no pass. */
export function isDesiredFile(file: string): boolean {
  return /\.ya?ml$/.test(file);
}
