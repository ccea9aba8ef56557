// What can ask for a reconcile. The queue remembers every trigger that asked for a pass.
export const TRIGGERS = ['start', 'file', 'git', 'webhook', 'interval', 'retry'] as const;
export type Trigger = (typeof TRIGGERS)[number];
