/** The EKS pages (one chunk): clusters per Region, create cluster, and each cluster's tabs. */
import { Navigate, Route, Routes } from 'react-router';
import { ClustersPage } from './clusters-page.tsx';
import { ClusterCreatePage } from './cluster-create-page.tsx';
import { ClusterDetailPage } from './cluster-detail-page.tsx';

/** The EKS routes under /console/eks. */
export default function EksRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="clusters" replace />} />
      <Route path="clusters" element={<ClustersPage />} />
      <Route path="clusters/create" element={<ClusterCreatePage />} />
      <Route path="clusters/:name" element={<ClusterDetailPage />} />
    </Routes>
  );
}
