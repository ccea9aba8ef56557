// A tiny ANSI colour helper: renderers take `color: boolean` and never look at the terminal themselves.
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'magenta' | 'cyan';

const CODES: Readonly<Record<Style, readonly [open: number, close: number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  magenta: [35, 39],
  cyan: [36, 39],
};

export type Paint = (style: Style, text: string) => string;

/** Wraps text in the style's escape codes, or returns it untouched when colour is off. */
export function painter(color: boolean): Paint {
  if (!color) return (_style, text) => text;
  return (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m`;
}

/** Removes every SGR escape sequence: what a reader without colour sees. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[\d+(;\d+)*m/g, '');
}
