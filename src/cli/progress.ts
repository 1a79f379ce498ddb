/**
 * A one-line progress bar on a terminal ("Importing [#####.....] 120/240"), redrawn at most ten times a
 * second and once at the end. Off a terminal (a log file, CI) it prints only the final count.
 */
export function progressBar(
  stream: NodeJS.WriteStream,
  label: string,
): (done: number, total: number) => void {
  let drawnAt = 0;
  return (done, total) => {
    const finished = done === total;
    const now = Date.now();
    if (!stream.isTTY) {
      if (finished) stream.write(`${label}: ${done}/${total}\n`);
      return;
    }
    if (!finished && now - drawnAt < 100) return;
    drawnAt = now;
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (finished) stream.write('\n');
  };
}
