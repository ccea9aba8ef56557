// Exactly one Project document, in the project file: it names the project every resource is tagged with.
import type { Diagnostic } from '../../errors/index.js';
import { errorAt } from '../document.js';
import { PROJECT_FILE } from '../limits.js';
import { errorAtField, whereIs, type DocumentView } from './view.js';

export function checkProject(views: readonly DocumentView[], projectDisplay: string): Diagnostic[] {
  const inProjectFile = views.filter((v) => v.pd.file === PROJECT_FILE);
  const projects = views.filter((v) => v.kind === 'Project');
  const [first, ...others] = projects.filter((v) => v.pd.file === PROJECT_FILE);
  return [
    // A project file with no documents at all was already reported (empty, binary, unreadable).
    ...(first === undefined && inProjectFile.length > 0 ? [missingProject(projectDisplay)] : []),
    ...others.map((v) => duplicateProject(v, first!)),
    ...projects.filter((v) => v.pd.file !== PROJECT_FILE).map(misplacedProject),
  ];
}

function missingProject(projectDisplay: string): Diagnostic {
  return errorAt(projectDisplay, undefined, {
    code: 'PROJECT_MISSING',
    message: `${PROJECT_FILE} has no Project document`,
    hint: 'add a document with apiVersion: licensectl/v1, kind: Project and metadata.name',
  });
}

function duplicateProject(view: DocumentView, first: DocumentView): Diagnostic {
  return errorAtField(view, ['kind'], {
    code: 'PROJECT_DUPLICATE',
    message: 'duplicate Project document',
    hint: `the Project is defined at ${whereIs(first, ['kind'])}; a project has exactly one`,
  });
}

function misplacedProject(view: DocumentView): Diagnostic {
  return errorAtField(view, ['kind'], {
    code: 'PROJECT_MISPLACED',
    message: `a Project document belongs in ${PROJECT_FILE}`,
    hint: `move it to ${PROJECT_FILE} at the root of the project`,
  });
}
