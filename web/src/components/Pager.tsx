import { useState } from 'react';

/**
 * Keyset paging through a list the server answers a page at a time: the cursor of the page shown
 * (undefined for the first), the cursor the server gave for the page after it (null on the last), and the
 * cursors of the pages walked through, so that going back shows the same pages again.
 */
export interface Pages<Cursor> {
  /** The cursor to ask the server for the page shown. */
  cursor: Cursor | undefined;
  /** Sets the cursor of the next page, from the page the server just answered. */
  setNext(next: Cursor | null): void;
  /** Back to the first page (when the filter changes). */
  restart(): void;
  isFirst: boolean;
  isLast: boolean;
  back(): void;
  forward(): void;
}

export function usePages<Cursor>(): Pages<Cursor> {
  const [walked, setWalked] = useState<Array<Cursor | undefined>>([undefined]);
  const [next, setNext] = useState<Cursor | null>(null);
  return {
    cursor: walked.at(-1),
    setNext,
    restart: () => setWalked([undefined]),
    isFirst: walked.length === 1,
    isLast: next === null,
    // Moving clears the next cursor until the page moved to has answered with its own, so that a second
    // click meanwhile cannot walk past it with the old one.
    back: () => {
      if (walked.length === 1) return;
      setWalked(walked.slice(0, -1));
      setNext(null);
    },
    forward: () => {
      if (next === null) return;
      setWalked([...walked, next]);
      setNext(null);
    },
  };
}

/** The two buttons that move through `pages`, with the words the list uses ("Newer"/"Older", say). */
export function PageButtons<Cursor>({
  pages,
  back,
  forward,
}: {
  pages: Pages<Cursor>;
  back: string;
  forward: string;
}) {
  return (
    <div className="buttons">
      <button type="button" className="secondary" disabled={pages.isFirst} onClick={pages.back}>
        {back}
      </button>
      <button type="button" className="secondary" disabled={pages.isLast} onClick={pages.forward}>
        {forward}
      </button>
    </div>
  );
}
