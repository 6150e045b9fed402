import { useEffect, useState } from 'react';

/**
 * Where the investigator is, kept in the URL hash so a reload (or a crash and restart) returns
 * to the same case. Hash changes are in-page: they never trigger a navigation the host blocks.
 */
export type Route = { page: 'cases' } | { page: 'case'; caseId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/cases\/([0-9a-f-]{36})$/i.exec(hash);
  return match?.[1] ? { page: 'case', caseId: match[1] } : { page: 'cases' };
}

export function routeHash(route: Route): string {
  return route.page === 'case' ? `#/cases/${route.caseId}` : '#/cases';
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (next) => (window.location.hash = routeHash(next))];
}
