// Which paths hold desired state: shared by the directory and git sources, so both read the same files.
const YAML_FILE = /\.ya?ml$/;

/** Dot-entries (.git, .github, .gitlab-ci.yml, …) and node_modules are never desired state. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function isDesiredStatePath(relative: string): boolean {
  const parts = relative.split('/');
  return YAML_FILE.test(relative) && !parts.some(isSkippedName);
}
