// The project's own settings between two desired states, as field diffs (`prune`, `store.type`, `account`…).
import type { ProjectConfig } from '../model/index.js';
import { diffResource } from './diff-resource.js';
import type { FieldDiff, ResourceBody } from './types.js';

export function diffProject(base: ProjectConfig, head: ProjectConfig): FieldDiff[] {
  // diffResource walks any plain JSON object; the project is presented as an untagged body. Where the Project
  // document sits is not a setting, so its source is left out.
  return diffResource(settingsOf(base), settingsOf(head));
}

function settingsOf(project: ProjectConfig): ResourceBody {
  const { source: _source, ...settings } = project;
  return { tags: {}, spec: settings } as unknown as ResourceBody;
}
