/** The CloudTrail pages (one chunk): event history. */
import { Navigate, Route, Routes } from 'react-router';
import { EventHistoryPage } from './event-history-page.tsx';

/** The CloudTrail routes under /console/cloudtrail. */
export default function CloudTrailRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="events" replace />} />
      <Route path="events" element={<EventHistoryPage />} />
    </Routes>
  );
}
