/**
 * When the bundle started evaluating. `extension.ts` imports this module first,
 * so the activation figure it logs covers loading its own modules too.
 */
export const loadStarted = performance.now();
