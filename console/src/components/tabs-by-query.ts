/** The active tab kept in the address (`?tab=`), so that a tab can be linked to. */
import { useSearchParams } from 'react-router';

/** The active tab id and a setter; `first` when the address names none. */
export function useTab(first: string): [string, (tab: string) => void] {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? first;
  return [tab, (next) => setParams((p) => { p.set('tab', next); return p; }, { replace: true })];
}
