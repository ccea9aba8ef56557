// The registry of every error code licensectl throws: what it means (its default hint) and the exit status it
// ends the process with. A LicensectlError takes its code from here, so a new code is added here first; the
// JSON output's `error.code` is one of these names. Diagnostics (problems in the desired state, reported
// together under INVALID_CONFIG) have codes of their own, listed in src/config.

interface ErrorInfo {
  /** Said when the thrower gives no more specific hint; empty when the message says all there is. */
  readonly hint: string;
  readonly exit: number;
}

const input = (hint: string): ErrorInfo => ({ hint, exit: 1 });

export const ERROR_CODES = {
  // The command line and the environment.
  USAGE: input('see --help'),
  BAD_DURATION: input('write a number followed by a unit: ms, s, m, h or d (e.g. 1m30s)'),
  BAD_TARGET: input('addresses look like Kind/name, e.g. LicenseConfiguration/windows-server'),
  BAD_LISTEN: input('write host:port, :port or port, e.g. 127.0.0.1:9464'),
  BAD_ENVIRONMENT: input('check the LICENSECTL_* environment variables'),
  LISTEN_FAILED: input('choose another port, or stop the process that holds it'),
  // Reading the desired state.
  INVALID_CONFIG: input('fix the problems above; nothing in the store was changed'),
  PROJECT_FILE_MISSING: input('create licensectl.yaml with a Project document, or point --dir at the folder that holds it'),
  LIST_FAILED: input('check that the folder is readable'),
  DIRECTORY_NOT_FOUND: input('point --dir at the folder that holds licensectl.yaml'),
  NOT_A_DIRECTORY: input('point --dir at a folder, not a file'),
  PATH_OUTSIDE_SOURCE: input('keep desired-state files inside the project folder'),
  FILE_NOT_FOUND: input(''),
  FILE_TOO_LARGE: input('split the file: desired-state files are small'),
  OUTPUT_UNWRITABLE: input('choose a path in a folder that exists and that you may write to'),
  IMPORT_FILE_EXISTS: input('pass --out DIR to write the imported documents elsewhere, or move the earlier files first'),
  UNKNOWN_ADDRESS: input('licensectl state lists the addresses of the managed resources'),
  // Git.
  BAD_GIT_REF: input('name a branch, tag or commit, e.g. main, v1.2.0 or 3f2c1ab'),
  UNKNOWN_GIT_REF: input('fetch it first, or check its spelling (git branch -a, git tag)'),
  AMBIGUOUS_GIT_REF: input('say which one: refs/heads/NAME or refs/tags/NAME'),
  BAD_GIT_URL: input('use an https://, ssh:// or file:// URL, or a local path'),
  NOT_A_GIT_REPOSITORY: input('--git-ref and --base read a git repository: run inside one, or drop the flag'),
  GIT_UNAVAILABLE: input('install git and put it on PATH'),
  GIT_UNSAFE_REPOSITORY: input('the repository is owned by another user: see git config safe.directory'),
  GIT_READ_FAILED: input(''),
  GIT_FETCH_FAILED: input('check the remote, the branch and the credentials; the watcher retries'),
  GIT_CLONE_FAILED: input('check the URL, the branch and the credentials'),
  GIT_LINK_OUTSIDE_REPOSITORY: input('replace the symbolic link with the file it points to'),
  // The store.
  AWS_CREDENTIALS: input('set AWS credentials (environment, profile or role), or use the embedded emulator'),
  REGION_MISSING: input('set spec.store.region, --region or AWS_REGION'),
  ACCOUNT_MISMATCH: input('use credentials of the account in spec.account, or change spec.account'),
  STORE_FAILED: input('check the endpoint, the network and the credentials; the call was retried before this'),
  ENDPOINT_UNREACHABLE: input('check the endpoint (--endpoint, AWS_ENDPOINT_URL or spec.store.endpoint) and that the service behind it runs'),
  TLS_FAILED: input('check the endpoint\'s scheme (a served emulator speaks http://) and that its certificate is valid for its host and trusted (NODE_EXTRA_CA_CERTS=FILE adds a CA)'),
  PAGINATION_LOOP: input('the service returned a token it had returned before: retry, and report it if it persists'),
  EMULATOR_STATE_CORRUPT: input('delete the state file to start from an empty emulator'),
  EMULATOR_STATE_LOCKED: input('another licensectl process holds the state file: wait for it, or remove a stale lock'),
  EMULATOR_STATE_UNWRITABLE: input('check the permissions of the state file and its folder'),
  EMULATOR_STATE_UNREADABLE: input('check that the state file is a file that the user running licensectl may read'),
  EMULATOR_UNKNOWN_OPERATION: input('name an operation of License Manager or RAM, e.g. ListLicenseConfigurations'),
  EMULATOR_FLEET_REFUSED: input('the emulator refused the fleet change as AWS would: see its reason'),
  EMULATOR_ORG_REFUSED: input('the emulator refused the organization: see the problems it named'),
  EMULATOR_REPORT_REFUSED: input('check the report generator ARN (aws license-manager list-license-manager-report-generators lists them)'),
  // Plans and applies.
  APPLY_LOCKED: input('wait for the other apply to finish, or pass --lock-timeout to wait for it'),
  APPROVAL_REQUIRED: input('run on a terminal to confirm, or pass --auto-approve'),
  TOO_MANY_DELETES: input('raise --max-deletes if this is intended'),
  FINDINGS_REFUSED: input('pass the flag named beside each finding if it is intended; policy findings need a change to licensectl.yaml'),
  EMPTY_DESIRED_STATE: input('pass --allow-empty if deleting everything is intended'),
  DUPLICATE_RESOURCES: input('delete the extra copies, keeping one'),
  ADOPT_REFUSED: input('fix or remove spec.adopt where named; nothing in the store was changed'),
  UNRESOLVED_REFERENCE: input('apply the resource it refers to first'),
  STALE_PLAN: input('run plan again and review the new plan'),
  PLAN_TARGET_MISMATCH: input('apply the plan with the store it was made for, or plan again'),
  PLAN_INCOMPLETE: input('plan again once every target can be planned, or leave the failing ones out with --only-targets'),
  PLAN_FILE_UNREADABLE: input('pass the file written by `licensectl plan --out FILE`'),
  PLAN_FILE_INVALID: input('pass the file written by `licensectl plan --out FILE` with this version of licensectl'),
  PLAN_UNSIGNED: input('set LICENSECTL_PLAN_KEY when planning and applying'),
  PLAN_ALTERED: input('plan again: the file changed after it was signed'),
  PLAN_KEY_MISSING: input('set LICENSECTL_PLAN_KEY to the key the plan was signed with'),
  PLAN_TOO_OLD: input('plan again, or raise --max-plan-age'),
  // A bug in licensectl, and nothing else.
  INTERNAL: { hint: 'this is a bug in licensectl; please report it with DEBUG=licensectl* output', exit: 1 },
} as const satisfies Record<string, ErrorInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}
