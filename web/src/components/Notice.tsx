import type { ReactNode } from 'react';

/** A message that screen readers announce: an error (alert) or a confirmation (status). */
export function Notice({ kind, children }: { kind: 'error' | 'success'; children: ReactNode }) {
  return (
    <p className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
