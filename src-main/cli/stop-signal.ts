/**
 * Resolves on the first SIGINT or SIGTERM; listening from the start, so a signal during start-up also stops
 * cleanly. Later signals are absorbed until dispose(): Ctrl+C reaches every process of the group (npm, tsx and
 * this one) and wrappers relay it again, and a second delivery must not cut the shutdown short.
 */
export function waitForStopSignal(): { received: Promise<NodeJS.Signals>; dispose(): void } {
  let stop: (signal: NodeJS.Signals) => void = () => undefined;
  const received = new Promise<NodeJS.Signals>((resolve) => (stop = resolve));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    received,
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
