/**
 * The Tollgate console: a React app on Cloudscape served at /console. Signed out, every address shows
 * the sign-in page (and returns to the address after it); a user who must reset the password sees only
 * that; otherwise the console shell with each service's pages, loaded on first visit (one chunk each).
 */
import '@cloudscape-design/global-styles/index.css';
import { StrictMode, Suspense, lazy, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import Spinner from '@cloudscape-design/components/spinner';
import { Shell } from './shell.tsx';
import { HomePage } from './home-page.tsx';
import { SignInPage } from './session/sign-in-page.tsx';
import { currentSession, onSessionChange } from './session/session-store.ts';

const IamRoutes = lazy(() => import('./iam/iam-routes.tsx'));
const EksRoutes = lazy(() => import('./eks/eks-routes.tsx'));
const CloudTrailRoutes = lazy(() => import('./cloudtrail/cloudtrail-routes.tsx'));
const ChangePasswordPage = lazy(() => import('./session/change-password-page.tsx'));

let cached = currentSession();
function snapshot() {
  const now = currentSession();
  if (JSON.stringify(now) !== JSON.stringify(cached)) cached = now;
  return cached;
}

function App() {
  const session = useSyncExternalStore(onSessionChange, snapshot);
  if (!session) return <SignInPage />;
  if (session.passwordResetRequired) {
    return <Suspense fallback={<Spinner size="large" />}><ChangePasswordPage session={session} /></Suspense>;
  }
  return (
    <Shell session={session}>
      <Suspense fallback={<Spinner size="large" />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/signin" element={<HomePage />} />
          <Route path="/iam/*" element={<IamRoutes />} />
          <Route path="/eks/*" element={<EksRoutes />} />
          <Route path="/cloudtrail/*" element={<CloudTrailRoutes />} />
          <Route path="*" element={<HomePage notFound />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter basename="/console">
      <App />
    </BrowserRouter>
  </StrictMode>,
);
