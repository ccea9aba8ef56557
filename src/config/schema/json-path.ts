// JSON pointers (ajv's instancePath) as path segments, and the names messages give them.

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `allowedTenancy[2]` for /spec/rules/allowedTenancy/2; `document` for the root. */
export function labelOf(path: readonly string[]): string {
  let label = '';
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i]!;
    if (!/^\d+$/.test(segment)) return segment + label;
    label = `[${segment}]${label}`;
  }
  return label === '' ? 'document' : label;
}

/** Dotted path with list indices in brackets: `spec.productInformation[0].filters[1].value`. */
export function fieldName(path: readonly string[]): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
