// Input limits: desired state is small, hand-written YAML; anything far beyond that is a mistake or an attack.

/** Largest file we read; a desired-state file of several MiB is almost certainly not hand-written YAML. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Aliases expanded per document. Anchors are handy for sharing a principal list, but a handful is all
 * anyone needs; a low cap defeats "billion laughs" documents before they expand.
 */
export const MAX_ALIAS_COUNT = 50;

/**
 * Nesting of flow collections (`[` / `{`). Real documents nest a handful of levels; thousands of levels
 * make the YAML parser slow and, in one process that parses many files, can exhaust memory.
 */
export const MAX_FLOW_DEPTH = 100;

/** The project file, always read from the root of the source. */
export const PROJECT_FILE = 'licensectl.yaml';
