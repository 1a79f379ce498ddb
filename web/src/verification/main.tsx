import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { VerificationPage } from './VerificationPage';
import './verify.css';

// The public verification page (/verify, the QR code's link): its own entry, so it loads without the portal.
const root = document.getElementById('root');
if (!root) throw new Error('verify.html has no #root');
createRoot(root).render(
  <StrictMode>
    <VerificationPage />
  </StrictMode>,
);
