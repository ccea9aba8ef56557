// SIGINT/SIGTERM end the watcher cleanly; a second signal while it stops ends it at once, for the
// operator who cannot wait for a slow store call to finish.
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export function untilStopSignal(onSecond: (signal: NodeJS.Signals) => void = () => process.exit(1)): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      for (const s of STOP_SIGNALS) {
        process.off(s, first);
        process.once(s, onSecond);
      }
      resolve(signal);
    };
    for (const s of STOP_SIGNALS) process.on(s, first);
  });
}
