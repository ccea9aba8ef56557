// Numbers as written. yaml turns a number into a JavaScript double, which keeps whole numbers exactly only up to
// 2^53 - 1: `9007199254740993` becomes 9007199254740992 and `1.0000000000000001` becomes 1, silently. Every
// numeric field of a document is a whole number (AWS longs and integers), so a number whose value is not
// exactly what its source says is an error where it is written, never a rounded count sent to AWS. The ranges
// AWS accepts (a long's, or a 32-bit integer's) are the schemas'; this check is what they cannot see: the source.
import { isPair, isScalar, isSeq, visit, type Node, type Scalar } from 'yaml';
import type { Diagnostic } from '../errors/index.js';
import { errorAtNode, type ParsedDocument } from './document.js';

/** One diagnostic per number of the document (key or value) that the double it was read as does not keep exactly. */
export function inexactNumbers(pd: ParsedDocument): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(pd.doc, {
    Scalar: (key, node, path) => {
      const value = node.value;
      if (typeof value !== 'number' || !Number.isInteger(value) || typeof node.source !== 'string') return;
      if (writtenExactly(node.source, value)) return;
      found.push(errorAtNode(pd, node, inexact(node, fieldOf(path, node, key === 'key'))));
    },
  });
  return found;
}

/**
 * Schema diagnostics merged with the inexact numbers: at a number the schema only ranges (`must be between 0 and
 * 9007199254740991`, about the rounded value), the inexact-number diagnostic says more; where the schema wanted a
 * string, its own diagnostic (and its hint to quote the value) is the one to fix.
 */
export function withExactNumbers(schema: readonly Diagnostic[], numbers: readonly Diagnostic[]): Diagnostic[] {
  const at = (d: Diagnostic) => `${d.line}:${d.column}`;
  const typed = new Set(schema.filter((d) => d.code === 'INVALID_TYPE').map(at));
  const kept = numbers.filter((d) => !typed.has(at(d)));
  const replaced = new Set(kept.map(at));
  return [...schema.filter((d) => d.code !== 'OUT_OF_RANGE' || !replaced.has(at(d))), ...kept];
}

function inexact(node: Scalar, field: readonly string[]) {
  const name = field.filter((p) => !p.startsWith('[')).at(-1);
  const label = name === undefined ? 'the number' : `"${name}"`;
  return {
    code: 'INEXACT_NUMBER',
    message: `${label} is ${String(node.source)}, which cannot be kept exactly: it would be read as ${String(node.value)}`,
    hint: Number.isSafeInteger(node.value)
      ? 'write the whole number it stands for'
      : `whole numbers are kept exactly only up to ${Number.MAX_SAFE_INTEGER}; write a smaller number`,
    ...(field.length === 0 ? {} : { field: field.map((p, i) => (p.startsWith('[') || i === 0 ? p : `.${p}`)).join('') }),
  };
}

/** The field path of a scalar, from the ancestors visit() gives: `spec`, `entitlements`, `[0]`, `maxCount`. */
function fieldOf(path: readonly unknown[], node: Node, isKey: boolean): string[] {
  const parts: string[] = [];
  path.forEach((ancestor, i) => {
    const next = path[i + 1] ?? node;
    if (isPair(ancestor) && isScalar(ancestor.key) && next === ancestor.value) parts.push(String(ancestor.key.value));
    else if (isSeq(ancestor)) parts.push(`[${ancestor.items.indexOf(next as never)}]`);
  });
  return isKey ? [...parts, String((node as Scalar).source)] : parts;
}

const INTEGER = /^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$|^0o[0-7]+$/;
const DECIMAL = /^([-+]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?$/;
/** Exponents beyond this are not worth computing: no hand-written count needs them. */
const MAX_SCALE = 1000;

/** Whether `source` (as yaml's core schema reads numbers) denotes exactly the whole number `value`. */
export function writtenExactly(source: string, value: number): boolean {
  const exact = exactInteger(source);
  return exact !== undefined && exact === BigInt(value);
}

/** The whole number `source` denotes, or undefined when it denotes none (a fraction, or something unreadable). */
function exactInteger(source: string): bigint | undefined {
  if (INTEGER.test(source)) return BigInt(source.replace(/^\+/, ''));
  const match = DECIMAL.exec(source);
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${whole}${fraction}` || '0');
  if (digits === 0n) return 0n;
  const scale = fraction.length - Number(exponent);
  if (Math.abs(scale) > MAX_SCALE) return undefined;
  const magnitude = scale <= 0 ? digits * 10n ** BigInt(-scale) : digits % 10n ** BigInt(scale) === 0n ? digits / 10n ** BigInt(scale) : undefined;
  if (magnitude === undefined) return undefined;
  return sign === '-' ? -magnitude : magnitude;
}
