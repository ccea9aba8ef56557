// An invalid desired state as a pull-request comment. A plan cannot be made, but CI must still replace the previous
// comment (which may say "No changes." for a state that no longer loads): this comment carries the plan comment's
// marker, says that nothing was planned, and lists the located errors, each linked to its file and line at the
// commit that was read when the repository's web address is known. Capped like the plan comment.
import type { Diagnostic } from '../errors/index.js';
import type { PlanSource } from '../plan/types.js';
import { code, escapeMarkdown, fitSections, formatCount, SEPARATOR, type Section } from './markdown.js';
import { DEFAULT_MAX_CHARS, MARKER_PREFIX, markerName, MIN_MAX_CHARS } from './plan-markdown.js';
import { describeSource } from './values.js';
import { plural } from '../util/words.js';

/** Where a file of the desired state can be seen on the web, at the commit the state was read from. */
export interface SourceLinks {
  /** The web address of the commit's files, ending in `/`: `https://github.com/acme/licenses/blob/3f2c…/`. */
  readonly base: string;
  /** The project folder's path in the repository, posix, '' at its top. */
  readonly folder: string;
  /** What diagnostics put before a file's path (`REF:` when read with --git-ref), left out of the link. */
  readonly displayPrefix: string;
}

export interface InvalidState {
  /** The project's name when its Project document could be read; the marker needs it to find the previous comment. */
  readonly project: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly source: PlanSource;
  readonly links?: SourceLinks;
}

export interface InvalidStateOptions {
  /** The comment never has more characters than this. */
  readonly maxChars?: number;
}

/** The comment: marker, verdict, what was read, then every diagnostic (errors first) as far as the cap allows. */
export function renderInvalidStateMarkdown(state: InvalidState, options: InvalidStateOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (!(maxChars >= MIN_MAX_CHARS)) throw new RangeError(`maxChars must be at least ${MIN_MAX_CHARS}, got ${maxChars}`);
  const head = [
    `${MARKER_PREFIX}${markerName(state.project ?? '')} -->`,
    verdictLine(state),
    `**Desired state:** ${escapeMarkdown(describeSource(state.source))}`,
  ];
  const closing = '_Nothing was planned and nothing in the account was changed. Fix the errors and push again: this comment is then replaced by the plan._';
  const room = maxChars - '\n'.length - [...head, closing].reduce((n, b) => n + b.length + SEPARATOR.length, 0);
  const [fitted] = fitSections([diagnosticsSection(state)], room);
  return [...head, fitted!.text, closing].filter((b) => b !== '').join(SEPARATOR) + '\n';
}

function verdictLine(state: InvalidState): string {
  const errors = state.diagnostics.filter((d) => d.severity === 'error').length;
  const project = state.project === undefined ? 'this project' : escapeMarkdown(state.project);
  return `**licensectl plan for ${project}:** ❌ the desired state is invalid (${plural(errors, 'error', 'errors', formatCount)}), so no plan was made.`;
}

/** Errors before warnings, each group in the given (file, line) order. */
function diagnosticsSection(state: InvalidState): Section {
  const ordered = [...state.diagnostics.filter((d) => d.severity === 'error'), ...state.diagnostics.filter((d) => d.severity !== 'error')];
  return {
    tier: 1, required: true, lead: '### Errors in the desired state\n', join: '\n',
    items: ordered.map((d) => diagnosticItem(d, state.links)),
    more: (left) => `\n- _…and ${plural(left, 'more problem', 'more problems', formatCount)} (\`licensectl validate\` lists every one)_`,
    lost: (left) => plural(left, 'problem', 'problems', formatCount),
  };
}

function diagnosticItem(diagnostic: Diagnostic, links: SourceLinks | undefined): string {
  const severity = diagnostic.severity === 'error' ? '❌' : '⚠️';
  const where = locationOf(diagnostic, links);
  const field = diagnostic.field === undefined ? '' : ` (${code(diagnostic.field)})`;
  const hint = diagnostic.hint === undefined ? '' : `<br>hint: ${escapeMarkdown(diagnostic.hint)}`;
  return `- ${severity} ${where === '' ? '' : `${where}: `}${escapeMarkdown(diagnostic.message)}${field} ${code(diagnostic.code)}${hint}`;
}

/** `file:line:column` in code, linked to the line when the file's web address is known. */
function locationOf(diagnostic: Diagnostic, links: SourceLinks | undefined): string {
  const { file, line, column } = diagnostic;
  if (file === undefined || file === '') return '';
  const text = code([file, line, line === undefined ? undefined : column].filter((p) => p !== undefined).join(':'));
  const url = links === undefined ? undefined : fileUrl(links, file, line);
  return url === undefined ? text : `[${text}](${url})`;
}

/**
 * The line's web address: the base, then the file's path in the repository with every segment percent-encoded (so
 * no character of a file name can end the link or add to it), then `#L<line>`. undefined for a file shown without
 * the expected prefix (a diagnostic not about a file of this source).
 */
export function fileUrl(links: SourceLinks, file: string, line: number | undefined): string | undefined {
  if (!file.startsWith(links.displayPrefix)) return undefined;
  const relative = file.slice(links.displayPrefix.length);
  const path = (links.folder === '' ? relative : `${links.folder}/${relative}`).split('/').map(encodeURIComponent).join('/');
  return linkSafe(`${links.base}${path}${line === undefined ? '' : `#L${line}`}`);
}

/**
 * Percent-encodes the ASCII characters that encodeURIComponent and URL leave as they are but a Markdown link target
 * cannot hold (brackets, quotes, a space), so that no file name or address can end the link early.
 */
function linkSafe(url: string): string {
  return url.replace(/[()[\]<>"'`\\ ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
