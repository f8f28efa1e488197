// Allocation of array memory: a SharedArrayBuffer where the platform allows it
// (Node always, browsers when cross-origin isolated) so worker threads can share
// it, else an ArrayBuffer. Garbage-collected either way: there is no dispose().

const shared =
  typeof SharedArrayBuffer !== 'undefined' &&
  (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false;

/** Zero-filled memory for `nbytes` bytes. */
export function allocate(nbytes: number): ArrayBufferLike {
  return shared ? new SharedArrayBuffer(nbytes) : new ArrayBuffer(nbytes);
}

export const sharedMemory = shared;
