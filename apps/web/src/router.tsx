import { createBrowserRouter } from 'react-router';
import { Layout } from './components/layout';
import { HomePage } from './pages/home-page';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [{ index: true, element: <HomePage /> }],
  },
]);
