/** How long a first frame (the workbench's, or the workstation's after sign-in) waits for its data before it is drawn without it. */
export const FIRST_FRAME_WAIT_MS = 400;

/** Settles once `loads` have, or after FIRST_FRAME_WAIT_MS when they are slow: then the frame is drawn. */
export const readyToDraw = (loads: Promise<unknown>): Promise<void> =>
  Promise.race([loads.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS))]);

/** Settles once the next frame is on screen: a task queued from the frame's animation callback runs after its paint. */
export const afterNextPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
