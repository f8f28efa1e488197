// Test kernel: does nothing, for measuring what a parallel call costs by itself.
export default function noop(_start: number, _end: number, _args: unknown): void {}
