import { mountVerificationPage } from './page';
import './verify.css';

// The public verification page (/verify, the QR code's link): its own entry, framework-free, so a phone on a
// slow connection loads a few kilobytes and nothing of the portal (ADR 0010).
const root = document.getElementById('root');
if (!root) throw new Error('verify.html has no #root');
mountVerificationPage(root);
