import { useCallback, useEffect, useRef, useState } from 'react';
import type { Application, ApplicationData } from '../api';
import { ApiError, api } from '../api';

/** Where the draft stands against the server: typed but not yet sent, being sent, stored, or not. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'failed';

/** The pause in typing after which a draft is saved. */
const SAVE_DELAY_MS = 1000;

interface Draft {
  data: ApplicationData | undefined;
  version: number;
  /** Changed since the last save was sent. */
  dirty: boolean;
  timer: number | undefined;
  saving: Promise<boolean> | null;
  /** Someone else saved in between: nothing more is sent until the application is reloaded. */
  conflict: boolean;
}

/**
 * Saves a draft by itself: a second after the user stops typing, the whole data goes to the server with the
 * version it was edited from, one save at a time. A version saved by someone else in between stops saving
 * (CONFLICT) until the page reloads the application. Unsaved changes are sent when the page is left.
 */
export function useDraftAutosave(id: string, onSaved: (application: Application) => void) {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>();
  const draft = useRef<Draft>({
    data: undefined,
    version: 0,
    dirty: false,
    timer: undefined,
    saving: null,
    conflict: false,
  });

  const saveNow = useCallback(async (): Promise<boolean> => {
    const current = draft.current;
    window.clearTimeout(current.timer);
    current.timer = undefined;
    while (current.saving) await current.saving;
    if (current.conflict) return false;
    if (!current.dirty || !current.data) return true;
    const snapshot = current.data;
    current.dirty = false;
    setState('saving');
    current.saving = (async () => {
      try {
        const saved = await api.saveApplication(id, current.version, snapshot);
        current.version = saved.version;
        setError(undefined);
        setState(current.dirty ? 'pending' : 'saved');
        onSaved(saved);
        return true;
      } catch (failure) {
        current.dirty = true;
        if (failure instanceof ApiError && failure.code === 'CONFLICT') {
          current.conflict = true;
          setState('conflict');
        } else setState('failed');
        setError(failure);
        return false;
      } finally {
        current.saving = null;
      }
    })();
    return current.saving;
  }, [id, onSaved]);

  /** Takes a change: the data as it now is, saved after the pause. */
  const edit = useCallback(
    (data: ApplicationData) => {
      const current = draft.current;
      current.data = data;
      current.dirty = true;
      if (current.conflict) return;
      setState('pending');
      window.clearTimeout(current.timer);
      current.timer = window.setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    },
    [saveNow],
  );

  /** Starts again from the application as the server has it (after loading or reloading it). */
  const reset = useCallback((application: Application) => {
    const current = draft.current;
    window.clearTimeout(current.timer);
    Object.assign(current, {
      data: application.data,
      version: application.version,
      dirty: false,
      timer: undefined,
      conflict: false,
    });
    setError(undefined);
    setState('saved');
  }, []);

  /** Saves whatever is unsaved, now; false when it could not be saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (;;) {
      if (!(await saveNow())) return false;
      if (!draft.current.dirty) return true;
    }
  }, [saveNow]);

  /** A submission moved the version on. */
  const adoptVersion = useCallback((version: number) => {
    draft.current.version = version;
  }, []);

  const latest = useCallback(() => draft.current.data, []);
  const version = useCallback(() => draft.current.version, []);

  useEffect(() => {
    const current = draft.current;
    const warn = (event: BeforeUnloadEvent) => {
      if (current.dirty) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // Leaving the page (another menu item): what was typed in the last second is still sent.
      if (current.dirty && !current.conflict) void saveNow();
    };
  }, [saveNow]);

  return { state, error, edit, reset, flush, latest, version, adoptVersion };
}
