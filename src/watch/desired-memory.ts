// The last valid desired state. A bad commit or a half-saved file must never read as "delete everything":
// while the source is invalid, passes keep planning against the last state that validated.
import type { DesiredState } from '../model/index.js';
import type { Revision } from './desired-source.js';

export interface ValidDesired extends Revision {
  readonly state: DesiredState;
}

export class DesiredMemory {
  private last: ValidDesired | null = null;

  get lastValid(): ValidDesired | null {
    return this.last;
  }

  remember(valid: ValidDesired): void {
    this.last = valid;
  }
}
