/**
 * Scratch memory for computeDiagnostics' blocks of lines. Inside `withArena`,
 * the kernels of this folder take their temporaries (Jacobian, gradients,
 * velocities, fields) from buffers reused block after block, instead of a
 * dozen fresh arrays per block that the system zeroes page by page and the
 * garbage collector frees later (bench/ours-diagnostics.cjs: the fresh arrays
 * cost a quarter of the time on a 2 km pass). Outside an arena, `allocate` is
 * `new Float64Array(n)`: the public kernels return arrays of their own.
 */

interface Arena {
  capacity: number;
  free: Float64Array[];
  used: Float64Array[];
}

let current: Arena | undefined;

/** A pool of scratch buffers of `capacity` values each. */
export function scratchArena(capacity: number): Arena {
  return { capacity, free: [], used: [] };
}

/**
 * Run `fn` with the kernels' temporaries taken from `arena`; every array
 * allocated inside is reused after `fn` returns, so `fn` copies out what it
 * keeps.
 */
export function withArena<T>(arena: Arena, fn: () => T): T {
  const previous = current;
  current = arena;
  try {
    return fn();
  } finally {
    current = previous;
    arena.free.push(...arena.used);
    arena.used = [];
  }
}

/**
 * n values to be written in full by the caller: a view of a scratch buffer
 * inside an arena (its old values still there), a new zeroed array outside.
 */
export function allocate(n: number): Float64Array {
  if (!current || n > current.capacity) return new Float64Array(n);
  const buffer = current.free.pop() ?? new Float64Array(current.capacity);
  current.used.push(buffer);
  return buffer.subarray(0, n);
}
