/** Loading data from an AWS call in a component: the result, the error, and a way to load again. */
import { useCallback, useEffect, useState } from 'react';

/** A call's state. */
export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  reload(): void;
}

/** Runs `load` now and whenever `deps` change or `reload` is called. */
export function useAws<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => { if (live) setState({ data, error: undefined, loading: false }); },
      (error: unknown) => { if (live) setState({ data: undefined, error, loading: false }); },
    );
    return () => { live = false; };
    // The caller names the dependencies; `load` itself is a new closure on every render.
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
